package dev.newsticker.ingest;

import dev.newsticker.desk.DeskClient;
import dev.newsticker.model.FeedItem;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One round for one feed: fetch (one per host at a time), parse on a worker, hand what changed to the
 * desk, and say how it went. The caller owns scheduling and status.
 */
final class FeedCycle {

  /**
   * How a round went; {@code error} is null on success, {@code refusal} names the kind when the document was
   * refused ({@link FeedRefusal.Kind#label()}).
   */
  record Outcome(Integer httpStatus, String error, String refusal, Duration freshFor, Duration retryAfter, String hub,
                 String topic) {

    static Outcome failed(Integer httpStatus, String error, Duration retryAfter) {
      return new Outcome(httpStatus, error, null, Duration.ZERO, retryAfter, null, null);
    }

    static Outcome failed(Integer httpStatus, Throwable cause) {
      String refusal = cause instanceof FeedRefusal refused ? refused.kind().label() : null;
      return new Outcome(httpStatus, FeedFetcher.describe(cause), refusal, Duration.ZERO, null, null, null);
    }

    boolean ok() {
      return error == null;
    }
  }

  private final Vertx vertx;
  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final DeskClient desk;
  private final HostGate gate = new HostGate();

  FeedCycle(Vertx vertx, FeedFetcher fetcher, FeedParser parser, DeskClient desk) {
    this.vertx = vertx;
    this.fetcher = fetcher;
    this.parser = parser;
    this.desk = desk;
  }

  Future<Outcome> poll(FeedState feed) {
    String url = feed.definition.url();
    String etag = feed.etag;
    String lastModified = feed.lastModified;
    return gate.run(feed.definition.host(), () -> fetcher.fetch(url, etag, lastModified))
      .compose(result -> handle(feed, result))
      .recover(e -> Future.succeededFuture(Outcome.failed(null, e)));
  }

  private Future<Outcome> handle(FeedState feed, FetchResult result) {
    int status = result.status();
    Duration fresh = ResponseHints.freshFor(result.header("Cache-Control"), result.header("Expires"), result.fetchedAt());
    if (status == 304) {
      return Future.succeededFuture(new Outcome(status, null, null, fresh, null, null, null));
    }
    if (status == 429 || status == 503) {
      return Future.succeededFuture(Outcome.failed(status, "HTTP " + status + " " + reason(status),
        ResponseHints.retryAfter(result.header("Retry-After"), result.fetchedAt())));
    }
    if (status < 200 || status > 299) {
      return Future.succeededFuture(Outcome.failed(status, "HTTP " + status + " " + reason(status), null));
    }
    return ingest(feed, result.body(), result.header("Content-Type"), result.fetchedAt())
      .map(parsed -> {
        // Validators are kept only once the desk has the items, so a 304 never hides entries it missed.
        feed.etag = result.header("ETag");
        feed.lastModified = result.header("Last-Modified");
        List<String> links = result.headers().getAll("Link");
        String hub = ResponseHints.link(links, "hub");
        String topic = ResponseHints.link(links, "self");
        if (hub == null) {
          hub = parsed.hub();
          topic = topic != null ? topic : parsed.self();
        }
        Duration hint = parsed.ttl().compareTo(fresh) > 0 ? parsed.ttl() : fresh;
        return new Outcome(status, null, null, hint, null, hub, topic != null ? topic : result.url());
      })
      .recover(e -> Future.succeededFuture(Outcome.failed(status, e)));
  }

  /**
   * Parses a body (a fetch or a WebSub notification) and hands new and edited entries to the desk. On the
   * feed's first successful round they go as history: stored quietly, not announced.
   */
  Future<ParsedFeed> ingest(FeedState feed, Buffer body, String contentType, Instant fetchedAt) {
    return vertx.executeBlocking(() -> parser.parse(body, contentType, feed.definition, fetchedAt), false)
      .compose(parsed -> {
        List<FeedItem> changed = feed.changed(parsed.items());
        boolean history = !feed.primed;
        long fresh = changed.stream().filter(feed::isNew).count();
        List<FeedItem> outgoing = history ? changed.stream().map(FeedCycle::asHistory).toList() : changed;
        Future<?> sent = outgoing.isEmpty() ? Future.succeededFuture()
          : desk.ingest(outgoing).recover(e -> Future.failedFuture(
            new FetchException("desk did not take the items: " + FeedFetcher.describe(e))));
        return sent.map(v -> {
          feed.remember(changed, parsed.items());
          feed.items = parsed.items().size();
          if (feed.firstSuccess == null) {
            feed.firstSuccess = fetchedAt;
          }
          if (!history && fresh > 0) {
            feed.arrived(fetchedAt);
            feed.lastDay.add(fetchedAt, fresh);
          }
          feed.primed = true;
          return parsed;
        });
      });
  }

  private static FeedItem asHistory(FeedItem item) {
    return new FeedItem(item.id(), item.source(), item.headline(), item.summary(), item.body(), item.url(),
      item.byline(), item.category(), item.tags(), item.breaking(), item.publishedAt(), true, item.breakingUntil());
  }

  private static String reason(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
