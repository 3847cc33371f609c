package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the shared bytes enter a pipeline, and when a reader must be written through Vert.x instead. */
class DirectWireTest {

  @Test
  void bytesEnterBelowTheEncoderAndPassWhatIsNearerTheSocket() {
    Recorder nearSocket = new Recorder();
    Recorder aboveEncoder = new Recorder();
    EmbeddedChannel channel = new EmbeddedChannel(nearSocket, new WebSocket13FrameEncoder(false), aboveEncoder);
    DirectWire wire = DirectWire.forWebSocket(channel, () -> { });
    assertNotNull(wire);
    ByteBuf frame = WireFrames.webSocketText("{\"seq\":1}".getBytes(StandardCharsets.UTF_8));
    wire.write(frame);
    wire.write(frame);
    assertEquals(2, nearSocket.seen.size(), "a handler nearer the socket (TLS) still sees every write");
    assertTrue(aboveEncoder.seen.isEmpty(), "handlers above the encoder are skipped");
    ByteBuf out = channel.readOutbound();
    assertEquals(frame.readableBytes(), out.readableBytes());
    assertEquals(0x81, out.getUnsignedByte(0));
    assertEquals(0, frame.readerIndex(), "each write reads its own view of the shared bytes");
  }

  @Test
  void aCompressingWebSocketIsWrittenThroughVertx() {
    WebSocketExtensionEncoder deflate = new WebSocketExtensionEncoder() {
      @Override
      protected void encode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        out.add(frame.retain());
      }
    };
    EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false), deflate);
    assertNull(DirectWire.forWebSocket(channel, () -> { }));
  }

  @Test
  void aConnectionWithoutTheEncoderIsWrittenThroughVertx() {
    assertNull(DirectWire.forChunkedResponse(new EmbeddedChannel(new Recorder()), () -> { }));
    assertNull(DirectWire.forWebSocket(null, () -> { }));
    assertNotNull(DirectWire.forChunkedResponse(new EmbeddedChannel(new HttpResponseEncoder()), () -> { }));
  }

  @Test
  void theReaderHearsWhenTheChannelTakesWritesAgain() {
    AtomicInteger drained = new AtomicInteger();
    EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
    DirectWire wire = DirectWire.forChunkedResponse(channel, drained::incrementAndGet);
    assertNotNull(wire);
    channel.pipeline().fireChannelWritabilityChanged();
    assertEquals(1, drained.get());
    assertFalse(wire.full());
  }

  private static final class Recorder extends ChannelOutboundHandlerAdapter {
    final List<Object> seen = new ArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      seen.add(msg);
      ctx.write(msg, promise);
    }
  }
}
