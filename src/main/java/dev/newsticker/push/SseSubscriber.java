package dev.newsticker.push;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** A reader on Server-Sent Events: frames written as they are encoded, comments as heartbeats. */
final class SseSubscriber extends Subscriber {
  private static final Buffer HEARTBEAT = Buffer.buffer(":\n\n");
  private final HttpServerResponse response;

  SseSubscriber(Streams streams, HttpServerResponse response) {
    super(streams);
    this.response = response;
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
    return response.writeQueueFull();
  }

  @Override
  protected void writeEvent(OutboundEvent event) {
    response.write(event.sse());
  }

  @Override
  protected void writeMessage(String type, long seq, JsonObject body) {
    response.write(OutboundEvent.sseFrame(type, seq, body.encode()));
  }

  @Override
  protected boolean closeOnOverflow() {
    return false;
  }

  @Override
  protected void heartbeat() {
    if (!response.writeQueueFull()) {
      response.write(HEARTBEAT);
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
