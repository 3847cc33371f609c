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
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The fast path of a {@link ReaderWire}: {@link WireFrames} go into the connection's Netty pipeline
 * just below the protocol encoder, so a delivery costs no encoding, no copy and no pass through
 * Vert.x's write queue or the chunked-write handler; TLS, if any, still applies. Once a reader
 * uses it, every write of that reader must (the order of bytes is the channel's). Only for an
 * HTTP/1.1 connection whose pipeline has the expected encoder and nothing that rewrites content
 * after it; otherwise the factories give null and the reader is written through Vert.x.
 * <p>
 * Vert.x's drain handlers only follow its own queue, so this handler reports the channel turning
 * writable again.
 */
final class DirectWire extends ChannelInboundHandlerAdapter implements ReaderWire {
  private final Framing framing;
  private final ChannelHandlerContext encoder;
  private final Runnable onWritable;

  private DirectWire(Framing framing, ChannelHandlerContext encoder, Runnable onWritable) {
    this.framing = framing;
    this.encoder = encoder;
    this.onWritable = onWritable;
  }

  /** Below the encoder of an upgraded WebSocket, unless an extension (compression) rewrites frames. */
  static DirectWire forWebSocket(Channel channel, Runnable onWritable) {
    if (channel == null || has(channel.pipeline(), WebSocketExtensionEncoder.class)) {
      return null;
    }
    return below(Framing.WEBSOCKET, channel, channel.pipeline().context(WebSocketFrameEncoder.class), onWritable);
  }

  /** Below the HTTP/1.1 response encoder of a chunked response whose head is written. */
  static DirectWire forChunkedResponse(Channel channel, Runnable onWritable) {
    return channel == null ? null
      : below(Framing.SSE, channel, channel.pipeline().context(HttpResponseEncoder.class), onWritable);
  }

  private static DirectWire below(Framing framing, Channel channel, ChannelHandlerContext encoder, Runnable onWritable) {
    if (encoder == null || !channel.eventLoop().inEventLoop() || !channel.isActive()) {
      return null;
    }
    DirectWire wire = new DirectWire(framing, encoder, onWritable);
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

  @Override
  public boolean full() {
    return !encoder.channel().isWritable();
  }

  @Override
  public void event(OutboundEvent event) {
    write(framing.event(event));
  }

  @Override
  public void message(String type, long seq, JsonObject body) {
    write(framing.message(type, seq, body));
  }

  @Override
  public void heartbeat() {
    write(framing.heartbeat());
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
