package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

import java.util.Map;

/**
 * A reader's connection written to beneath Vert.x: {@link WireFrames} go into the Netty pipeline
 * just below the protocol encoder, so a delivery costs no encoding, no copy and no pass through
 * Vert.x's write queue or the chunked-write handler; TLS, if any, still applies. Once a reader
 * uses it, every write of that reader must (the order of bytes is the channel's). Only for an
 * HTTP/1.1 connection whose pipeline has the expected encoder and nothing that rewrites content
 * after it; otherwise {@link #of} gives null and the reader is written through Vert.x.
 * <p>
 * Vert.x's drain handlers only follow its own queue, so this handler reports the channel turning
 * writable again.
 */
final class WireChannel extends ChannelInboundHandlerAdapter {
  private final ChannelHandlerContext encoder;
  private final Runnable onWritable;

  private WireChannel(ChannelHandlerContext encoder, Runnable onWritable) {
    this.encoder = encoder;
    this.onWritable = onWritable;
  }

  /** The channel under an HTTP/1.1 connection, or null when it is not one (HTTP/2). */
  static Channel channelOf(HttpConnection connection) {
    return connection instanceof ConnectionBase base && base.channelHandlerContext().pipeline().get(HttpResponseEncoder.class) != null
      ? base.channel() : null;
  }

  /** Below the encoder of an upgraded WebSocket, unless an extension (compression) rewrites frames. */
  static WireChannel forWebSocket(Channel channel, Runnable onWritable) {
    if (channel == null || has(channel.pipeline(), WebSocketExtensionEncoder.class)) {
      return null;
    }
    return below(channel, channel.pipeline().context(WebSocketFrameEncoder.class), onWritable);
  }

  /** Below the HTTP/1.1 response encoder of a chunked response whose head is written. */
  static WireChannel forChunkedResponse(Channel channel, Runnable onWritable) {
    return channel == null ? null : below(channel, channel.pipeline().context(HttpResponseEncoder.class), onWritable);
  }

  private static WireChannel below(Channel channel, ChannelHandlerContext encoder, Runnable onWritable) {
    if (encoder == null || !channel.eventLoop().inEventLoop() || !channel.isActive()) {
      return null;
    }
    WireChannel wire = new WireChannel(encoder, onWritable);
    channel.pipeline().addFirst(wire);
    return wire;
  }

  private static boolean has(ChannelPipeline pipeline, Class<? extends ChannelHandler> type) {
    for (Map.Entry<String, ChannelHandler> entry : pipeline) {
      if (type.isInstance(entry.getValue())) {
        return true;
      }
    }
    return false;
  }

  boolean writable() {
    return encoder.channel().isWritable();
  }

  void write(ByteBuf shared) {
    encoder.writeAndFlush(shared.duplicate(), encoder.voidPromise());
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      onWritable.run();
    }
    ctx.fireChannelWritabilityChanged();
  }
}
