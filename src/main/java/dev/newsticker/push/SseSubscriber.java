package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * A reader on Server-Sent Events: frames written as they are encoded, comments as heartbeats; on
 * the wire directly (as chunks of the response) where it can.
 */
final class SseSubscriber extends Subscriber {
  private static final Buffer HEARTBEAT = Buffer.buffer(":\n\n");
  private static final ByteBuf HEARTBEAT_CHUNK = WireFrames.chunk(HEARTBEAT.getBytes());
  private final HttpServerResponse response;
  private final WireChannel wire;

  /** {@code channel}: the channel of a chunked HTTP/1.1 response whose head is written, or null to write through Vert.x. */
  SseSubscriber(Streams streams, HttpServerResponse response, Channel channel) {
    super(streams);
    this.response = response;
    this.wire = WireChannel.forChunkedResponse(channel, this::drained);
    response.drainHandler(ignored -> drained());
    response.closeHandler(ignored -> closed());
    response.endHandler(ignored -> closed());
    response.exceptionHandler(ignored -> closed());
  }

  @Override
  protected String transport() {
    return "sse";
  }

  @Override
  protected boolean writeQueueFull() {
    return wire == null ? response.writeQueueFull() : !wire.writable();
  }

  @Override
  protected void writeEvent(OutboundEvent event) {
    if (wire == null) {
      response.write(event.sse());
    } else {
      wire.write(event.sseChunk());
    }
  }

  @Override
  protected void writeMessage(String type, long seq, JsonObject body) {
    byte[] frame = OutboundEvent.sseFrameBytes(type, seq, body.encode());
    if (wire == null) {
      response.write(Buffer.buffer(frame));
    } else {
      wire.write(WireFrames.chunk(frame));
    }
  }

  @Override
  protected boolean closeOnOverflow() {
    return false;
  }

  @Override
  protected void heartbeat() {
    if (writeQueueFull()) {
      return;
    }
    if (wire == null) {
      response.write(HEARTBEAT);
    } else {
      wire.write(HEARTBEAT_CHUNK);
    }
  }

  @Override
  protected void close(String reason) {
    closed();
    if (!response.ended() && !response.closed()) {
      response.end(":" + reason + "\n\n");
    }
  }
}
