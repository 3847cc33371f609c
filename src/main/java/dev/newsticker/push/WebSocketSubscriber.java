package dev.newsticker.push;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/** A reader on a WebSocket: JSON text frames, pings as heartbeats. */
final class WebSocketSubscriber extends Subscriber {
  /** Close code for a reader that fell too far behind and asked to be dropped rather than resynced. */
  static final short TOO_SLOW = 4008;
  private static final Buffer PING = Buffer.buffer("hb");
  private final ServerWebSocket socket;
  private boolean closeWhenSlow;

  WebSocketSubscriber(Streams streams, ServerWebSocket socket) {
    super(streams);
    this.socket = socket;
    socket.drainHandler(ignored -> drained());
    socket.closeHandler(ignored -> closed());
    socket.exceptionHandler(ignored -> closed());
  }

  void closeWhenSlow(boolean close) {
    closeWhenSlow = close;
  }

  @Override
  protected String transport() {
    return "websocket";
  }

  @Override
  protected boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  protected void writeEvent(OutboundEvent event) {
    socket.writeFrame(TextFrames.of(event.text()));
  }

  @Override
  protected void writeMessage(String type, long seq, JsonObject body) {
    socket.writeTextMessage(body.encode());
  }

  @Override
  protected boolean closeOnOverflow() {
    return closeWhenSlow;
  }

  @Override
  protected void heartbeat() {
    if (!socket.writeQueueFull()) {
      socket.writePing(PING);
    }
  }

  @Override
  protected void close(String reason) {
    closed();
    if (!socket.isClosed()) {
      socket.close(TOO_SLOW, reason);
    }
  }

  void sendError(String error) {
    socket.writeTextMessage(new JsonObject().put("type", "error").put("error", error).encode());
  }
}
