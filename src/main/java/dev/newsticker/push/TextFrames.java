package dev.newsticker.push;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * WebSocket text frames over bytes encoded once. Vert.x's public API only builds text frames from
 * a String, which re-encodes it to UTF-8 for every connection; this wraps the shared bytes
 * instead. Each frame gets its own slice (the encoder moves the reader index), and Vert.x heap
 * buffers ignore reference counting, so one buffer is safe to write to any number of sockets.
 */
final class TextFrames {

  private TextFrames() {
  }

  static WebSocketFrame of(Buffer utf8) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true);
  }
}
