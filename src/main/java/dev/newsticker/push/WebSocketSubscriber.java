package dev.newsticker.push;

import io.netty.channel.Channel;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/** A reader on a WebSocket: JSON text frames, pings as heartbeats. */
final class WebSocketSubscriber extends Subscriber {
  /** Close code for a reader that fell too far behind and asked to be dropped rather than resynced. */
  static final short TOO_SLOW = 4008;
  private final ServerWebSocket socket;
  private boolean closeWhenSlow;

  /** {@code channel}: the connection's channel from before the upgrade, or null when there is none. */
  WebSocketSubscriber(Streams streams, ServerWebSocket socket, Channel channel) {
    super(streams, onWritable -> ReaderWire.webSocket(socket, channel, streams.metrics(), onWritable));
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
    return Framing.WEBSOCKET.transport();
  }

  @Override
  protected boolean closeOnOverflow() {
    return closeWhenSlow;
  }

  @Override
  protected void close(String reason) {
    closed();
    if (!socket.isClosed()) {
      socket.close(TOO_SLOW, reason);
    }
  }

  void sendError(String error) {
    writeMessage("error", -1, new JsonObject().put("type", "error").put("error", error));
  }
}
