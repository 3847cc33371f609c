package dev.newsticker.push;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** A reader on Server-Sent Events: frames written as they are encoded, comments as heartbeats. */
final class SseSubscriber extends Subscriber {
  private final HttpServerResponse response;

  /** {@code response}: the chunked response to {@code request}, its head written. */
  SseSubscriber(Streams streams, HttpServerRequest request, HttpServerResponse response) {
    super(streams, onWritable -> ReaderWire.sse(request, response, streams.metrics(), onWritable));
    this.response = response;
    response.drainHandler(ignored -> drained());
    response.closeHandler(ignored -> closed());
    response.endHandler(ignored -> closed());
    response.exceptionHandler(ignored -> closed());
  }

  @Override
  protected String transport() {
    return Framing.SSE.transport();
  }

  @Override
  protected boolean closeOnOverflow() {
    return false;
  }

  @Override
  protected void close(String reason) {
    closed();
    if (!response.ended() && !response.closed()) {
      response.end(":" + reason + "\n\n");
    }
  }
}
