package dev.newsticker.guard;

import dev.newsticker.http.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a request may do on its connection, by who it is for. Readers (SSE, WebSocket and SockJS
 * streams, one slot per stream, HTTP/2's included) and every other public request share
 * {@code connectionsTotal - connectionsReserve}; the reserve is for the publish API and
 * {@code /health/*}, which are never refused for want of connections (a publish still needs its
 * token, checked after), nor is any request that bears a publish token. A connection from an address over its share is answered 429, the others
 * past their budget 503, with a JSON reason and Retry-After, and the connection closed: an answer
 * beats a silent reset, clients and load balancers can tell overload from failure.
 */
public final class ConnectionLimits implements Handler<RoutingContext> {
  private static final String READER_SLOT = "newsticker.readerSlot";
  private static final String RETRY_SECONDS = "10";
  private final Admission admission;
  private final PublishTokens tokens;
  private final int perAddress;
  private final int budget;

  public ConnectionLimits(Admission admission, PublishTokens tokens, int total, int perAddress, int reserve) {
    this.admission = admission;
    this.tokens = tokens;
    this.perAddress = perAddress;
    this.budget = total - reserve;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Ticket ticket = admission.ticket(ctx.request().connection());
    if (ticket == null) {
      ctx.next();
      return;
    }
    admission.headSeen(ticket);
    HttpServerRequest request = ctx.request();
    String path = request.path();
    if (path.startsWith("/health/") || isPublishApi(request.method(), path)) {
      ctx.next();
    } else if (ticket.addressRank > perAddress) {
      refuseUnlessNewsroom(ctx, 429, "too many connections from your address (at most " + perAddress + ")");
    } else if (isReader(path)) {
      reader(ctx, ticket);
    } else if (ticket.rank > budget) {
      refuseUnlessNewsroom(ctx, 503, "the server is at its limit of " + budget + " connections; try again later");
    } else {
      ctx.next();
    }
  }

  private void reader(RoutingContext ctx, Ticket ticket) {
    boolean perStream = ctx.request().version() == HttpVersion.HTTP_2;
    if (!perStream && ticket.reader) {
      ctx.next();
      return;
    }
    if (!admission.takeReader(budget)) {
      refuseUnlessNewsroom(ctx, 503, "the server is at its limit of " + budget + " readers; try again later");
      return;
    }
    if (perStream) {
      AtomicBoolean released = new AtomicBoolean();
      Runnable release = () -> {
        if (released.compareAndSet(false, true)) {
          admission.releaseReader();
        }
      };
      ctx.put(READER_SLOT, release);
      // frees the slot of a stream answered without a reader (a 400); a reader's own end calls readerEnded
      ctx.addEndHandler(ended -> release.run());
    } else {
      ticket.reader = true;
    }
    ctx.next();
  }

  /** What a reader's stream runs when it ends: over HTTP/2 it frees the stream's slot, over HTTP/1.1 the connection's close does. */
  public static Runnable readerEnded(RoutingContext ctx) {
    Runnable release = ctx.get(READER_SLOT);
    return release == null ? () -> { } : release;
  }

  private static boolean isPublishApi(HttpMethod method, String path) {
    return path.startsWith("/api/") && method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
  }

  private static boolean isReader(String path) {
    return path.equals("/api/v1/stream") || path.equals("/api/v1/ws") || path.startsWith("/eventbus/");
  }

  /** An editor's read (the desk's doubts, the console's stream) bears a publish token: it passes, in the reserve. */
  private void refuseUnlessNewsroom(RoutingContext ctx, int status, String reason) {
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
      && tokens.match(authorization.substring(7).trim()).isPresent()) {
      ctx.next();
    } else {
      refuse(ctx, status, reason);
    }
  }

  private static void refuse(RoutingContext ctx, int status, String reason) {
    if (ctx.request().version() != HttpVersion.HTTP_2) {
      ctx.response().putHeader("Connection", "close");
    }
    ctx.response().putHeader("Retry-After", RETRY_SECONDS);
    ApiErrors.send(ctx, status, reason);
  }
}
