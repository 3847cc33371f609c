package dev.newsticker.guard;

import dev.newsticker.http.ApiErrors;
import dev.newsticker.http.VertxInternals;
import io.netty.channel.Channel;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open HTTP connections (WebSockets and SSE streams included), counted across every event loop.
 * A connection over the total or over its address's share is marked when it opens; its first
 * request is answered 503 or 429 with a JSON reason, and the connection closed. An answer beats a
 * silent reset: clients and load balancers can tell overload from failure.
 */
public final class ConnectionLimits implements Handler<RoutingContext> {
  private final int total;
  private final int perAddress;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Integer> refused = new ConcurrentHashMap<>();

  public ConnectionLimits(int total, int perAddress) {
    this.total = total;
    this.perAddress = perAddress;
  }

  /** For {@code HttpServer.connectionHandler}: counts the connection until it closes. */
  public void opened(HttpConnection connection) {
    String address = address(connection.remoteAddress());
    int all = open.incrementAndGet();
    int mine = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    Integer status = all > total ? Integer.valueOf(503) : mine > perAddress ? Integer.valueOf(429) : null;
    if (status == null) {
      // Only a refused connection is remembered: holding every connection until its channel closes
      // would keep a WebSocket's discarded HTTP connection (and its buffers) alive as long.
      whenClosed(connection, () -> forget(address));
    } else {
      refused.put(connection, status);
      whenClosed(connection, () -> {
        refused.remove(connection);
        forget(address);
      });
    }
  }

  private void forget(String address) {
    open.decrementAndGet();
    byAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
  }

  /**
   * After a WebSocket upgrade the HTTP connection object is replaced and its closeHandler never
   * runs; the channel's own close future fires whatever the connection became.
   */
  private static void whenClosed(HttpConnection connection, Runnable action) {
    Channel channel = VertxInternals.channel(connection);
    if (channel != null) {
      channel.closeFuture().addListener(closed -> action.run());
    } else {
      connection.closeHandler(closed -> action.run());
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    Integer status = refused.get(ctx.request().connection());
    if (status == null) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Connection", "close").putHeader("Retry-After", "10");
    ApiErrors.send(ctx, status, status == 503
      ? "the server is at its limit of " + total + " connections; try again later"
      : "too many connections from your address (at most " + perAddress + ")");
  }

  public int open() {
    return open.get();
  }

  private static String address(SocketAddress address) {
    return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
  }
}
