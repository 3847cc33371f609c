package dev.newsticker.push;

import dev.newsticker.guard.ConnectionLimits;
import dev.newsticker.guard.InboundGate;
import dev.newsticker.http.ApiErrors;
import dev.newsticker.http.VertxInternals;
import io.netty.channel.Channel;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The reader endpoints: {@code GET /api/v1/stream} (SSE) and {@code GET /api/v1/ws} (WebSocket). */
public final class StreamRoutes {
  private final Streams streams;
  private final int messageBytes;
  private final int messagesPerSecond;

  public StreamRoutes(Streams streams, int messageBytes, int messagesPerSecond) {
    this.streams = streams;
    this.messageBytes = messageBytes;
    this.messagesPerSecond = messagesPerSecond;
  }

  public void mount(Router router) {
    router.get("/api/v1/stream").handler(this::eventStream);
    router.get("/api/v1/ws").handler(this::webSocket);
  }

  private void eventStream(RoutingContext ctx) {
    SubscriptionRequest request;
    try {
      request = SubscriptionRequest.from(ctx.request()::getParam, ctx.request().getHeader("Last-Event-ID"), streams.settings());
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    // identity: the same encoded bytes go to every reader, so no per-connection compression
    HttpServerResponse response = ctx.response()
      .putHeader("Content-Type", "text/event-stream; charset=utf-8")
      .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
      .putHeader("Cache-Control", "no-cache, no-transform")
      .putHeader("X-Accel-Buffering", "no")
      .setChunked(true);
    response.write("retry: " + streams.settings().retryMillis() + "\n\n");
    new SseSubscriber(streams, ctx.request(), response, ConnectionLimits.readerEnded(ctx)).subscribe(request.filter(), request.since(), request.snapshot());
  }

  private void webSocket(RoutingContext ctx) {
    SubscriptionRequest fromUrl;
    try {
      fromUrl = SubscriptionRequest.from(ctx.request()::getParam, null, streams.settings());
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    Channel channel = VertxInternals.channel(ctx.request().connection());
    // a reader that only listens gets the defaults at once, as on SSE; a subscribe message changes them
    ctx.request().toWebSocket().onSuccess(socket -> {
      WebSocketSubscriber subscriber = new WebSocketSubscriber(streams, socket, channel);
      InboundGate.attach(socket, channel, messageBytes, messagesPerSecond, text -> onMessage(subscriber, text));
      start(subscriber, fromUrl);
    });
  }

  private void onMessage(WebSocketSubscriber subscriber, String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException e) {
      subscriber.sendError("messages must be JSON objects");
      return;
    }
    if (!"subscribe".equals(message.getString("type"))) {
      subscriber.sendError("unknown message type; send {\"type\":\"subscribe\", ...}");
      return;
    }
    try {
      start(subscriber, SubscriptionRequest.from(message, streams.settings()));
    } catch (IllegalArgumentException e) {
      subscriber.sendError(e.getMessage());
    }
  }

  private static void start(WebSocketSubscriber subscriber, SubscriptionRequest request) {
    subscriber.closeWhenSlow(request.closeWhenSlow());
    subscriber.subscribe(request.filter(), request.since(), request.snapshot());
  }
}
