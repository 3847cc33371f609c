package dev.newsticker.push;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** A reader on Server-Sent Events: frames written as they are encoded, comments as heartbeats. */
final class SseSubscriber extends Subscriber {
  private final HttpServerResponse response;
  private final Runnable ended;

  /**
   * {@code response}: the chunked response to {@code request}, its head written; {@code ended}
   * runs (perhaps more than once) when the stream is over.
   */
  SseSubscriber(Streams streams, HttpServerRequest request, HttpServerResponse response, Runnable ended) {
    super(streams, onWritable -> ReaderWire.sse(request, response, streams.metrics(), onWritable));
    this.response = response;
    this.ended = ended;
    response.drainHandler(ignored -> drained());
    response.closeHandler(ignored -> gone());
    response.endHandler(ignored -> gone());
    response.exceptionHandler(ignored -> gone());
  }

  private void gone() {
    closed();
    ended.run();
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
