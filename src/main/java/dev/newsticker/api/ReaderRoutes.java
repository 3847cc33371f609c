package dev.newsticker.api;

import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.guard.Guards;
import dev.newsticker.guard.ShutdownNotice;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;

/**
 * The guards in front of every reader endpoint (SSE, WebSocket, the SockJS bridge): the subscribe
 * token, the WebSocket Origin check, the shutdown notice. And the SockJS bridge itself, which lets
 * readers receive {@code news.events} and send nothing at all.
 */
final class ReaderRoutes {
  private final Vertx vertx;
  private final Guards guards;
  private final int retryMillis;

  ReaderRoutes(Vertx vertx, Guards guards, int retryMillis) {
    this.vertx = vertx;
    this.guards = guards;
    this.retryMillis = retryMillis;
  }

  void mount(Router router) {
    router.get("/api/v1/stream").handler(guards.readers()).handler(new ShutdownNotice(retryMillis));
    router.get("/api/v1/ws").handler(guards.origins()).handler(guards.readers());
    router.route("/eventbus/*").handler(guards.origins()).handler(guards.readers());
    SockJSBridgeOptions outboundOnly = new SockJSBridgeOptions()
      .addOutboundPermitted(new PermittedOptions().setAddress(DeskAddresses.EVENTS));
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx).bridge(outboundOnly));
  }
}
