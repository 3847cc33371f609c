package dev.newsticker.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * GETs a feed politely and defensively: conditional headers, gzip, a total deadline on top of the
 * connect and idle timeouts, a body cap enforced while streaming, and redirects followed here (not by the
 * client) so that their number is bounded and a loop is named as such.
 */
final class FeedFetcher {
  static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
    + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1";

  private final Vertx vertx;
  private final FeedSettings settings;
  private final WebClient client;

  FeedFetcher(Vertx vertx, FeedSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.client = WebClient.create(vertx, new WebClientOptions()
      .setUserAgent(settings.userAgent())
      .setFollowRedirects(false)
      .setDecompressionSupported(true)
      .setConnectTimeout(settings.connectTimeoutSeconds() * 1000)
      .setIdleTimeout(settings.idleTimeoutSeconds()));
  }

  /** Conditional GET; {@code etag} and {@code lastModified} are sent back verbatim when present. */
  Future<FetchResult> fetch(String url, String etag, String lastModified) {
    Promise<FetchResult> result = Promise.promise();
    CappedBody[] current = new CappedBody[1];
    long deadline = vertx.setTimer(settings.timeoutSeconds() * 1000L, id -> {
      String reason = "timed out after " + settings.timeoutSeconds() + " s";
      if (current[0] != null) {
        current[0].abort(reason);
      }
      result.tryFail(new FetchException(reason));
    });
    hop(url, etag, lastModified, new HashSet<>(), current, result);
    return result.future().onComplete(ar -> vertx.cancelTimer(deadline));
  }

  private void hop(String url, String etag, String lastModified, Set<String> visited, CappedBody[] current,
                   Promise<FetchResult> result) {
    if (!visited.add(url)) {
      result.tryFail(new FetchException("redirect loop at " + url));
      return;
    }
    if (visited.size() > settings.maxRedirects() + 1) {
      result.tryFail(new FetchException("more than " + settings.maxRedirects() + " redirects"));
      return;
    }
    CappedBody body = new CappedBody(settings.maxBodyBytes());
    current[0] = body;
    var request = client.getAbs(url)
      .putHeader("Accept", ACCEPT)
      .idleTimeout(settings.idleTimeoutSeconds() * 1000L)
      .connectTimeout(settings.connectTimeoutSeconds() * 1000L)
      .as(BodyCodec.pipe(body, true));
    if (etag != null) {
      request.putHeader("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.putHeader("If-Modified-Since", lastModified);
    }
    request.send().onComplete(ar -> {
      if (ar.failed()) {
        result.tryFail(new FetchException(body.failure() != null ? body.failure() : describe(ar.cause())));
        return;
      }
      HttpResponse<Void> response = ar.result();
      String location = response.getHeader("Location");
      if (isRedirect(response.statusCode()) && location != null) {
        String next = resolve(url, location);
        if (next == null) {
          result.tryFail(new FetchException("bad redirect Location '" + location + "'"));
        } else {
          hop(next, etag, lastModified, visited, current, result);
        }
        return;
      }
      result.tryComplete(new FetchResult(response.statusCode(), url, response.headers(), body.data(), Instant.now()));
    });
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String resolve(String base, String location) {
    try {
      URI next = URI.create(base).resolve(location.trim());
      String scheme = next.getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? next.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String describe(Throwable cause) {
    if (cause instanceof TimeoutException) {
      return "timed out: " + cause.getMessage();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  void close() {
    client.close();
  }
}
