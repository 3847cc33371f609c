package dev.newsticker.e2e;

import dev.newsticker.guard.InboundGate;
import dev.newsticker.support.ServerTestBase;
import dev.newsticker.support.WsReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket as a reader meets it (issue 21, items 8 and 9): a client that only listens is
 * served at once with the defaults; a subscribe message changes the subscription; text that is
 * not UTF-8 is closed with 1007 and a frame past the limit with 1009, each as a close frame the
 * client reads, never a reset. The invalid frames go through a raw socket: no client library sends them.
 */
class WebSocketReaderTest extends ServerTestBase {
  private static final byte[] SUBSCRIBE_HEAD = "{\"type\":\"subscribe\",\"category\":\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SUBSCRIBE_TAIL = "\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aClientThatOnlyListensGetsTheSnapshotThenLiveHeadlines() {
    api.publishOne(new JsonObject().put("headline", "Quake hits coast"));
    try (WsReader listener = WsReader.open(vertx, server.port(), "/api/v1/ws")) {
      JsonObject snapshot = listener.awaitType("snapshot");
      assertEquals("Quake hits coast", snapshot.getJsonArray("stories").getJsonObject(0).getString("headline"));

      api.publishOne(new JsonObject().put("headline", "Markets open higher"));
      JsonObject live = listener.awaitType("story.new");
      assertEquals("Markets open higher", live.getJsonObject("story").getString("headline"));
    }
  }

  @Test
  void aSubscribeMessageChangesTheSubscription() {
    try (WsReader reader = WsReader.open(vertx, server.port(), "/api/v1/ws")) {
      reader.subscribe(new JsonObject().put("category", "sport").put("snapshot", 0));

      api.publishOne(new JsonObject().put("headline", "Rain all week").put("category", "weather"));
      api.publishOne(new JsonObject().put("headline", "Cup final tonight").put("category", "sport"));

      JsonObject live = reader.awaitType("story.new");
      assertEquals("Cup final tonight", live.getJsonObject("story").getString("headline"));
      assertEquals(1, reader.storyEvents().size(), reader.storyEvents().toString());
    }
  }

  @Test
  void textThatIsNotUtf8IsClosedWith1007() throws IOException {
    try (RawWebSocket socket = RawWebSocket.open(server.port())) {
      socket.frame(true, 0x1, new byte[] {(byte) 0xC3, 0x28});
      assertEquals(InboundGate.INVALID_PAYLOAD, socket.awaitCloseCode());
    }
    // a surrogate pair written as two UTF-8 surrogates (CESU-8), one in each fragment
    try (RawWebSocket socket = RawWebSocket.open(server.port())) {
      socket.frame(false, 0x1, concat(SUBSCRIBE_HEAD, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD}));
      socket.frame(true, 0x0, concat(new byte[] {(byte) 0xED, (byte) 0xB3, (byte) 0xB0}, SUBSCRIBE_TAIL));
      assertEquals(InboundGate.INVALID_PAYLOAD, socket.awaitCloseCode());
    }
  }

  @Test
  void aCodePointSplitAcrossFragmentsIsValidText() throws IOException {
    byte[] newspaper = "📰".getBytes(StandardCharsets.UTF_8);
    try (RawWebSocket socket = RawWebSocket.open(server.port())) {
      socket.frame(false, 0x1, concat(SUBSCRIBE_HEAD, Arrays.copyOfRange(newspaper, 0, 2)));
      socket.frame(true, 0x0, concat(Arrays.copyOfRange(newspaper, 2, 4), SUBSCRIBE_TAIL));
      // the default subscription's snapshot, then the one the message asked for
      assertTrue(socket.awaitText().contains("\"snapshot\""));
      assertTrue(socket.awaitText().contains("\"snapshot\""));
    }
  }

  @Test
  void aFramePastTheLimitIsClosedWith1009NotReset() throws IOException {
    try (RawWebSocket socket = RawWebSocket.open(server.port())) {
      socket.frame(true, 0x1, new byte[200 * 1024]);
      assertEquals(InboundGate.MESSAGE_TOO_BIG, socket.awaitCloseCode());
    }
    // the same limit counts a message's fragments together
    try (RawWebSocket socket = RawWebSocket.open(server.port())) {
      for (int i = 0; i < 3; i++) {
        socket.frame(false, i == 0 ? 0x1 : 0x0, new byte[30 * 1024]);
      }
      assertEquals(InboundGate.MESSAGE_TOO_BIG, socket.awaitCloseCode());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** A WebSocket spoken by hand over a plain socket: it can send what no library would. */
  private static final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new DataInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    }

    static RawWebSocket open(int port) throws IOException {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(15_000);
      RawWebSocket ws = new RawWebSocket(socket);
      String key = Base64.getEncoder().encodeToString("newsticker-test-k".substring(0, 16).getBytes(StandardCharsets.US_ASCII));
      ws.out.write(("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String status = ws.line();
      assertTrue(status.startsWith("HTTP/1.1 101"), status);
      while (!ws.line().isEmpty()) {
        // response headers
      }
      return ws;
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed in the handshake");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.US_ASCII);
    }

    /** One masked client frame (RFC 6455, 5.2); the mask is zero, which is allowed and keeps bytes readable. */
    void frame(boolean fin, int opcode, byte[] payload) throws IOException {
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write((fin ? 0x80 : 0) | opcode);
      if (payload.length < 126) {
        frame.write(0x80 | payload.length);
      } else if (payload.length < 65536) {
        frame.write(0x80 | 126);
        frame.write(payload.length >> 8);
        frame.write(payload.length & 0xFF);
      } else {
        frame.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          frame.write((int) ((long) payload.length >> shift) & 0xFF);
        }
      }
      frame.write(new byte[4]);
      frame.write(payload);
      out.write(frame.toByteArray());
      out.flush();
    }

    /** Reads frames until a close frame and answers its status code; a reset fails the test. */
    short awaitCloseCode() throws IOException {
      byte[] payload = awaitFrame(0x8, "a close frame");
      return (short) (((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
    }

    /** The next text frame's text, skipping pings. */
    String awaitText() throws IOException {
      return new String(awaitFrame(0x1, "a text frame"), StandardCharsets.UTF_8);
    }

    /** Heartbeat pings keep the socket busy, so the wait is bounded here and not by the read timeout. */
    private byte[] awaitFrame(int wanted, String what) throws IOException {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < deadline) {
        int opcode = in.readUnsignedByte() & 0x0F;
        byte[] payload = payload();
        if (opcode == wanted) {
          return payload;
        }
      }
      throw new AssertionError("no " + what + " within 20 s");
    }

    private byte[] payload() throws IOException {
      long length = in.readUnsignedByte() & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      return payload;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
