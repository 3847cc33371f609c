package dev.newsticker.guard;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a WebSocket frame longer than the message limit from its header, before any of it is
 * buffered: the reader gets close 1009 and the rest of what it sends is read and dropped until it
 * closes (or {@link #CLOSING_SECONDS} pass). Netty's decoder, past its own cap, would close the
 * connection at once with the sender's bytes unread, and the kernel answers those with a TCP
 * reset that can destroy the close frame before the reader sees it.
 */
final class OversizeFrames extends ChannelInboundHandlerAdapter {
  /** As long as Vert.x's own closing handshake waits for the peer (HttpServerOptions' default). */
  static final int CLOSING_SECONDS = 10;
  private static final int MAX_HEADER = 14;
  private static final int CLOSE_OPCODE = 0x8;

  private final long maxPayload;
  private final String reason;
  private final byte[] header = new byte[MAX_HEADER];
  private int headerRead;
  private long payloadLeft;
  private boolean refused;

  private OversizeFrames(long maxPayload) {
    this.maxPayload = maxPayload;
    this.reason = "messages are limited to " + maxPayload + " bytes";
  }

  /** Ahead of the WebSocket decoder of an upgraded HTTP/1.1 channel; nothing on any other. */
  static void install(Channel channel, long maxPayload) {
    if (channel == null || !channel.eventLoop().inEventLoop()) {
      return;
    }
    ChannelHandlerContext decoder = channel.pipeline().context(WebSocketFrameDecoder.class);
    if (decoder != null) {
      channel.pipeline().addBefore(decoder.name(), "newsticker-oversize-frames", new OversizeFrames(maxPayload));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf bytes)) {
      ctx.fireChannelRead(msg);
      return;
    }
    boolean wasRefused = refused;
    Frames seen = scan(bytes);
    if (!refused) {
      ctx.fireChannelRead(bytes);
      return;
    }
    bytes.release();
    if (!wasRefused) {
      refuse(ctx);
    }
    if (seen == Frames.CLOSE) {
      // the reader answered our close: the closing handshake is done
      ctx.close();
    }
  }

  private enum Frames { DATA, CLOSE }

  /**
   * Follows the frames through the bytes without consuming them. Marks the socket refused at a
   * header announcing more than the limit; after that, answers CLOSE at the reader's close frame.
   */
  private Frames scan(ByteBuf bytes) {
    int at = bytes.readerIndex();
    int end = bytes.writerIndex();
    while (at < end) {
      if (payloadLeft > 0) {
        int skip = (int) Math.min(payloadLeft, end - at);
        at += skip;
        payloadLeft -= skip;
        continue;
      }
      header[headerRead++] = bytes.getByte(at++);
      if (headerRead >= 2 && headerRead == headerLength()) {
        headerRead = 0;
        payloadLeft = payloadLength();
        if (refused && (header[0] & 0x0F) == CLOSE_OPCODE) {
          return Frames.CLOSE;
        }
        refused |= payloadLeft > maxPayload;
      }
    }
    return Frames.DATA;
  }

  private int headerLength() {
    int length7 = header[1] & 0x7F;
    int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
    boolean masked = (header[1] & 0x80) != 0;
    return 2 + extended + (masked ? 4 : 0);
  }

  private long payloadLength() {
    int length7 = header[1] & 0x7F;
    if (length7 < 126) {
      return length7;
    }
    int bytes = length7 == 126 ? 2 : 8;
    long length = 0;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (header[2 + i] & 0xFF);
    }
    // a 64-bit length with its top bit set is no length at all
    return length < 0 ? Long.MAX_VALUE : length;
  }

  private void refuse(ChannelHandlerContext ctx) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    ByteBuf close = Unpooled.buffer(4 + text.length)
      .writeByte(0x88)
      .writeByte(2 + text.length)
      .writeShort(InboundGate.MESSAGE_TOO_BIG)
      .writeBytes(text);
    ctx.writeAndFlush(close);
    ctx.executor().schedule(() -> ctx.channel().close(), CLOSING_SECONDS, TimeUnit.SECONDS);
  }
}
