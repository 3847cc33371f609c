package dev.newsticker.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * GETs a feed politely and defensively: conditional headers, gzip, a total deadline on top of the connect and
 * idle timeouts, a body cap enforced while streaming, and redirects followed here so that their number is
 * bounded and a loop is named as such.
 *
 * <p>This uses the core HttpClient that WebClient wraps, not WebClient itself: past the cap (or the deadline)
 * the request must be reset so the connection closes and the rest of the body is never read. With WebClient
 * 5.0.7, {@code BodyCodec.pipe} into a WriteStream that refuses writes past the cap stops keeping the bytes, but
 * the connection stayed open (BadFeedsTest's 50 MB server never saw it close), and WebClient offers no handle
 * on the request to reset it.
 */
final class FeedFetcher {
  private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);
  static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
    + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1";

  private final Vertx vertx;
  private final FeedSettings settings;
  private final HttpClientAgent client;

  FeedFetcher(Vertx vertx, FeedSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.client = vertx.createHttpClient(new HttpClientOptions()
      .setDecompressionSupported(true)
      .setConnectTimeout(settings.connectTimeoutSeconds() * 1000)
      .setIdleTimeout(settings.idleTimeoutSeconds()));
  }

  /** Conditional GET; {@code etag} and {@code lastModified} are sent back verbatim when present. */
  Future<FetchResult> fetch(String url, String etag, String lastModified) {
    Promise<FetchResult> result = Promise.promise();
    HttpClientRequest[] current = new HttpClientRequest[1];
    long deadline = vertx.setTimer(settings.timeoutSeconds() * 1000L, id -> {
      if (result.tryFail(new FetchException("timed out after " + settings.timeoutSeconds() + " s")) && current[0] != null) {
        current[0].reset();
      }
    });
    hop(url, etag, lastModified, new HashSet<>(), current, result);
    return result.future().onComplete(ar -> vertx.cancelTimer(deadline));
  }

  private void hop(String url, String etag, String lastModified, Set<String> visited, HttpClientRequest[] current,
                   Promise<FetchResult> result) {
    if (!visited.add(url)) {
      result.tryFail(new FetchException("redirect loop at " + url));
      return;
    }
    if (visited.size() > settings.maxRedirects() + 1) {
      result.tryFail(new FetchException("more than " + settings.maxRedirects() + " redirects"));
      return;
    }
    RequestOptions options = new RequestOptions()
      .setMethod(HttpMethod.GET)
      .setAbsoluteURI(url)
      .setFollowRedirects(false)
      .setConnectTimeout(settings.connectTimeoutSeconds() * 1000L)
      .setIdleTimeout(settings.idleTimeoutSeconds() * 1000L)
      .putHeader("User-Agent", settings.userAgent())
      .putHeader("Accept", ACCEPT);
    if (etag != null) {
      options.putHeader("If-None-Match", etag);
    }
    if (lastModified != null) {
      options.putHeader("If-Modified-Since", lastModified);
    }
    client.request(options)
      .compose(request -> {
        current[0] = request;
        return request.send().compose(response -> read(request, response, url));
      })
      .onComplete(ar -> {
        if (result.future().isComplete()) {
          return;
        }
        if (ar.failed()) {
          result.tryFail(ar.cause() instanceof FetchException ? ar.cause() : new FetchException(describe(ar.cause())));
          return;
        }
        FetchResult response = ar.result();
        String location = response.header("Location");
        if (isRedirect(response.status()) && location != null) {
          String next = resolve(url, location);
          if (next == null) {
            result.tryFail(new FetchException("bad redirect Location '" + location + "'"));
          } else {
            hop(next, etag, lastModified, visited, current, result);
          }
          return;
        }
        result.tryComplete(response);
      });
  }

  /** Collects the body up to the cap; past it, resets the request so the connection closes mid-body. */
  private Future<FetchResult> read(HttpClientRequest request, HttpClientResponse response, String url) {
    Promise<FetchResult> body = Promise.promise();
    String tooLarge = "body larger than " + settings.maxBodyBytes() + " bytes";
    String length = response.getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > settings.maxBodyBytes()) {
      request.reset();
      return Future.failedFuture(new FetchException(tooLarge));
    }
    Buffer data = Buffer.buffer();
    response.handler(chunk -> {
      if (body.future().isComplete()) {
        return;
      }
      if (data.length() + (long) chunk.length() > settings.maxBodyBytes()) {
        body.tryFail(new FetchException(tooLarge));
        request.reset();
        return;
      }
      data.appendBuffer(chunk);
    });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(
      new FetchResult(response.statusCode(), url, response.headers(), data, Instant.now())));
    return body.future();
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

  /**
   * The reason shown for a failed fetch or parse: this project's words only. A {@link FetchException} carries
   * its own; for anything else the kind of failure is named and the exception itself only logged, so no
   * library's message reaches a feed's status.
   */
  static String describe(Throwable cause) {
    if (cause instanceof FetchException ours) {
      return ours.getMessage();
    }
    String reason;
    if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
      reason = "timed out";
    } else if (cause instanceof ConnectException) {
      reason = "connection refused";
    } else if (cause instanceof UnknownHostException) {
      reason = "unknown host";
    } else if (cause instanceof SSLException) {
      reason = "TLS handshake failed";
    } else if (cause instanceof HttpClosedException) {
      reason = "connection closed by the server";
    } else if (cause instanceof ReplyException reply) {
      reason = reply.failureType() == ReplyFailure.TIMEOUT ? "no answer in time"
        : "refused with code " + reply.failureCode();
    } else {
      reason = "failed";
      log.warn("Feed fetch failed unexpectedly", cause);
    }
    log.debug("Feed failure: {}", reason, cause);
    return reason;
  }

  void close() {
    client.close();
  }
}
