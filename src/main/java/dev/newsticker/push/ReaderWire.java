package dev.newsticker.push;

import dev.newsticker.http.VertxInternals;
import io.netty.channel.Channel;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;

/**
 * How a reader's bytes reach its connection, chosen once when it connects: {@link DirectWire}
 * writes the shared encoded bytes into the connection's Netty pipeline (HTTP/1.1 and WebSocket);
 * {@link VertxWire} writes views of the same bytes through Vert.x (HTTP/2, or when the fast path
 * cannot be had). A reader that should have had the fast path and did not is counted on /metrics
 * ({@code newsticker_readers_fallback_total}) and the first one is logged.
 */
interface ReaderWire {

  /** The transport pushes back: hold further writes until {@code onWritable} runs. */
  boolean full();

  void event(OutboundEvent event);

  /** A control message (snapshot, resync, error); {@code seq} below zero leaves the reader's cursor where it is. */
  void message(String type, long seq, JsonObject body);

  void heartbeat();

  /** For an event stream whose response head is written; {@code request} is its request. */
  static ReaderWire sse(HttpServerRequest request, HttpServerResponse response, PushMetrics metrics, Runnable onWritable) {
    Channel channel = request.version() == HttpVersion.HTTP_1_1 ? VertxInternals.channel(request.connection()) : null;
    ReaderWire direct = DirectWire.forChunkedResponse(channel, onWritable);
    if (request.version() == HttpVersion.HTTP_1_1 && !gone(channel)) {
      metrics.wireChosen(Framing.SSE.transport(), direct != null);
    }
    return direct != null ? direct : new VertxWire(Framing.SSE, response::writeQueueFull,
      chunk -> response.write(VertxInternals.buffer(WireFrames.chunkData(chunk))));
  }

  /** For an upgraded WebSocket; {@code channel} is its connection's channel from before the upgrade. */
  static ReaderWire webSocket(ServerWebSocket socket, Channel channel, PushMetrics metrics, Runnable onWritable) {
    ReaderWire direct = DirectWire.forWebSocket(channel, onWritable);
    if (!gone(channel)) {
      metrics.wireChosen(Framing.WEBSOCKET.transport(), direct != null);
    }
    return direct != null ? direct : new VertxWire(Framing.WEBSOCKET, socket::writeQueueFull,
      frame -> socket.writeFrame(WireFrames.isPing(frame)
        ? WebSocketFrame.pingFrame(VertxInternals.buffer(WireFrames.webSocketPayload(frame)))
        : VertxInternals.textFrame(WireFrames.webSocketPayload(frame))));
  }

  /** A reader that left before its wire was chosen fell back from nothing: not counted. */
  private static boolean gone(Channel channel) {
    return channel != null && !channel.isActive();
  }
}
