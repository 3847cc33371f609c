package dev.newsticker.guard;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * Tells readers the server is going away when it shuts down gracefully: an SSE stream gets a
 * last {@code retry:} (when to come back) and ends; a WebSocket is closed with 1012 (service
 * restart), which clients treat as "reconnect", not as an error.
 */
public final class ShutdownNotice implements Handler<RoutingContext> {
  /** RFC 6455 registry: the service is restarted; a client may reconnect. */
  public static final short SERVICE_RESTART = 1012;
  private final int retryMillis;

  public ShutdownNotice(int retryMillis) {
    this.retryMillis = retryMillis;
  }

  /** In front of the SSE route: the stream's connection ends with a retry hint on shutdown. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    ctx.request().connection().shutdownHandler(shutdown -> {
      if (!response.ended() && !response.closed() && response.headWritten()) {
        response.end(": server restarting\nretry: " + retryMillis + "\n\n");
      }
    });
    ctx.next();
  }

  /** For an accepted WebSocket: closed with 1012 on shutdown. */
  public static void closeOnShutdown(ServerWebSocket socket) {
    socket.shutdownHandler(shutdown -> {
      if (!socket.isClosed()) {
        socket.close(SERVICE_RESTART, "server restarting");
      }
    });
  }
}
