package dev.newsticker.ingest;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Collects a response body and refuses a write past the cap or after an abort. The web client pipes the
 * response into it, so a refused write fails the pipe and resets the connection: a 50 MB body is cut
 * at the cap, never held whole.
 */
final class CappedBody implements WriteStream<Buffer> {
  private final int cap;
  private final Buffer data = Buffer.buffer();
  private String failure;

  CappedBody(int cap) {
    this.cap = cap;
  }

  Buffer data() {
    return data;
  }

  /** Why the body was refused; null while it is fine. */
  String failure() {
    return failure;
  }

  void abort(String reason) {
    if (failure == null) {
      failure = reason;
    }
  }

  @Override
  public Future<Void> write(Buffer chunk) {
    if (failure == null && data.length() + (long) chunk.length() > cap) {
      failure = "body larger than " + cap + " bytes";
    }
    if (failure != null) {
      return Future.failedFuture(new FetchException(failure));
    }
    data.appendBuffer(chunk);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    return failure == null ? Future.succeededFuture() : Future.failedFuture(new FetchException(failure));
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }
}
