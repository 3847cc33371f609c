package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/** A reader on a WebSocket: JSON text frames, pings as heartbeats; on the wire directly where it can. */
final class WebSocketSubscriber extends Subscriber {
  /** Close code for a reader that fell too far behind and asked to be dropped rather than resynced. */
  static final short TOO_SLOW = 4008;
  private static final Buffer PING = Buffer.buffer("hb");
  private static final ByteBuf PING_FRAME = WireFrames.webSocketPing(PING.getBytes());
  private final ServerWebSocket socket;
  private final WireChannel wire;
  private boolean closeWhenSlow;

  /** {@code channel}: the connection's channel from before the upgrade, or null to write through Vert.x. */
  WebSocketSubscriber(Streams streams, ServerWebSocket socket, Channel channel) {
    super(streams);
    this.socket = socket;
    this.wire = WireChannel.forWebSocket(channel, this::drained);
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
    return wire == null ? socket.writeQueueFull() : !wire.writable();
  }

  @Override
  protected void writeEvent(OutboundEvent event) {
    if (wire == null) {
      socket.writeFrame(TextFrames.of(event.text()));
    } else {
      wire.write(event.webSocketFrame());
    }
  }

  @Override
  protected void writeMessage(String type, long seq, JsonObject body) {
    writeText(body.encode());
  }

  private void writeText(String text) {
    if (wire == null) {
      socket.writeTextMessage(text);
    } else {
      wire.write(WireFrames.webSocketText(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Override
  protected boolean closeOnOverflow() {
    return closeWhenSlow;
  }

  @Override
  protected void heartbeat() {
    if (writeQueueFull()) {
      return;
    }
    if (wire == null) {
      socket.writePing(PING);
    } else {
      wire.write(PING_FRAME);
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
    writeText(new JsonObject().put("type", "error").put("error", error).encode());
  }
}
