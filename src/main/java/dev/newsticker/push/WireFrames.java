package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Bytes exactly as they go on the wire, built once and written to any number of connections by
 * {@link DirectWire}: a WebSocket frame (server frames are unmasked, so every reader gets the
 * same bytes) or one HTTP/1.1 chunk of an event stream. The buffers live off the heap (a socket
 * write then needs no copy) and ignore reference counting: many writes share one, and the
 * garbage collector frees it with the event that holds it.
 */
final class WireFrames {
  private static final int TEXT = 0x81;
  private static final int PING = 0x89;
  static final ByteBuf SSE_HEARTBEAT = chunk(":\n\n".getBytes(StandardCharsets.US_ASCII));
  static final ByteBuf WEBSOCKET_PING = webSocketPing("hb".getBytes(StandardCharsets.US_ASCII));

  private WireFrames() {
  }

  static ByteBuf webSocketText(byte[] utf8) {
    return frame(TEXT, utf8);
  }

  static ByteBuf webSocketPing(byte[] payload) {
    return frame(PING, payload);
  }

  static ByteBuf chunk(byte[] data) {
    byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    ByteBuf buf = offHeap(size.length + data.length + 2);
    buf.writeBytes(size).writeBytes(data).writeByte('\r').writeByte('\n');
    return Unpooled.unreleasableBuffer(buf);
  }

  static boolean isPing(ByteBuf frame) {
    return frame.getUnsignedByte(frame.readerIndex()) == PING;
  }

  /** The payload of a frame made here, as a view of the same bytes. */
  static ByteBuf webSocketPayload(ByteBuf frame) {
    int start = switch (frame.getUnsignedByte(frame.readerIndex() + 1)) {
      case 126 -> 4;
      case 127 -> 10;
      default -> 2;
    };
    return frame.slice(frame.readerIndex() + start, frame.readableBytes() - start);
  }

  /** The data of a chunk made here, as a view of the same bytes. */
  static ByteBuf chunkData(ByteBuf chunk) {
    int start = chunk.indexOf(chunk.readerIndex(), chunk.writerIndex(), (byte) '\n') + 1;
    return chunk.slice(start, chunk.writerIndex() - start - 2);
  }

  private static ByteBuf frame(int first, byte[] payload) {
    int length = payload.length;
    ByteBuf buf = offHeap(length + 10);
    buf.writeByte(first);
    if (length < 126) {
      buf.writeByte(length);
    } else if (length < 65_536) {
      buf.writeByte(126).writeShort(length);
    } else {
      buf.writeByte(127).writeLong(length);
    }
    buf.writeBytes(payload);
    return Unpooled.unreleasableBuffer(buf);
  }

  private static ByteBuf offHeap(int capacity) {
    return Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(capacity)).clear();
  }
}
