package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/** What a transport sends, as the bytes that go on the wire ({@link WireFrames}). */
enum Framing {
  SSE("sse") {
    @Override
    ByteBuf event(OutboundEvent event) {
      return event.sseChunk();
    }

    @Override
    ByteBuf message(String type, long seq, JsonObject body) {
      return WireFrames.chunk(OutboundEvent.sseFrameBytes(type, seq, body.encode()));
    }

    @Override
    ByteBuf heartbeat() {
      return WireFrames.SSE_HEARTBEAT;
    }
  },
  WEBSOCKET("websocket") {
    @Override
    ByteBuf event(OutboundEvent event) {
      return event.webSocketFrame();
    }

    @Override
    ByteBuf message(String type, long seq, JsonObject body) {
      return WireFrames.webSocketText(body.encode().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    ByteBuf heartbeat() {
      return WireFrames.WEBSOCKET_PING;
    }
  };

  private final String transport;

  Framing(String transport) {
    this.transport = transport;
  }

  String transport() {
    return transport;
  }

  abstract ByteBuf event(OutboundEvent event);

  abstract ByteBuf message(String type, long seq, JsonObject body);

  abstract ByteBuf heartbeat();
}
