package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The shared wire bytes, read back by Netty's own client-side decoders. */
class WireFramesTest {

  /** Payload lengths on both sides of the WebSocket length encodings (7 bits, 16 bits, 64 bits). */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 125, 126, 400, 65_535, 65_536, 200_000})
  void webSocketTextFramesDecodeToTheirPayload(int length) {
    String text = "é".repeat(length / 2) + "x".repeat(length % 2);
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
    ByteBuf shared = WireFrames.webSocketText(text.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      client.writeInbound(shared.duplicate());
      TextWebSocketFrame frame = assertInstanceOf(TextWebSocketFrame.class, client.readInbound());
      assertEquals(text, frame.text());
      frame.release();
    }
    assertEquals(text, WireFrames.webSocketPayload(shared).toString(StandardCharsets.UTF_8));
  }

  @Test
  void pingFramesCarryTheirPayload() {
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1024));
    client.writeInbound(WireFrames.webSocketPing("hb".getBytes(StandardCharsets.US_ASCII)).duplicate());
    PingWebSocketFrame ping = assertInstanceOf(PingWebSocketFrame.class, client.readInbound());
    assertEquals("hb", ping.content().toString(StandardCharsets.US_ASCII));
    ping.release();
  }

  @Test
  void chunksMakeAValidChunkedBody() {
    EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));
    client.writeInbound(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
    String first = "id: 1\nevent: story.new\ndata: {\"headline\":\"Ünïcode\"}\n\n";
    String second = "x".repeat(70_000);
    client.writeInbound(WireFrames.chunk(first.getBytes(StandardCharsets.UTF_8)).duplicate());
    client.writeInbound(WireFrames.chunk(second.getBytes(StandardCharsets.UTF_8)).duplicate());
    client.writeInbound(bytes("0\r\n\r\n"));
    assertEquals(second, WireFrames.chunkData(WireFrames.chunk(second.getBytes(StandardCharsets.UTF_8))).toString(StandardCharsets.UTF_8));
    FullHttpResponse response = assertInstanceOf(FullHttpResponse.class, client.readInbound());
    assertEquals(first + second, response.content().toString(StandardCharsets.UTF_8));
    response.release();
  }

  private static ByteBuf bytes(String ascii) {
    return Unpooled.copiedBuffer(ascii, StandardCharsets.US_ASCII);
  }
}
