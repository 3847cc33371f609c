package dev.newsticker.guard;

import io.netty.channel.Channel;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * What a reader may send on its WebSocket: text messages of valid UTF-8 (else closed with 1007,
 * invalid payload data) of up to {@code maxBytes} (else closed with 1009, message too big: a
 * frame announcing more is refused from its header by {@link OversizeFrames}, fragments are
 * counted as they come), at up to {@code perSecond} (bursts of as many), else told why and closed
 * with 1008 (policy violation). Binary messages count too and are refused. Also closes the socket
 * with 1012 when the server shuts down.
 */
public final class InboundGate {
  /** RFC 6455: the message's data is not consistent with its type (text that is not UTF-8). */
  public static final short INVALID_PAYLOAD = 1007;
  /** RFC 6455: the message violates the server's policy. */
  public static final short POLICY_VIOLATION = 1008;
  /** RFC 6455: the message is too big to process. */
  public static final short MESSAGE_TOO_BIG = 1009;

  private final ServerWebSocket socket;
  private final int maxBytes;
  private final TokenBucket rate;
  private final Handler<String> onText;
  /** The message being received: its frames' bytes so far (text only), or null between messages. */
  private Buffer message;
  private boolean binary;

  private InboundGate(ServerWebSocket socket, int maxBytes, int perSecond, Handler<String> onText) {
    this.socket = socket;
    this.maxBytes = maxBytes;
    this.rate = new TokenBucket(perSecond, perSecond);
    this.onText = onText;
  }

  /** {@code channel}: the connection's channel, to refuse oversize frames from their header; may be null. */
  public static void attach(ServerWebSocket socket, Channel channel, int maxBytes, int perSecond, Handler<String> onText) {
    OversizeFrames.install(channel, maxBytes);
    InboundGate gate = new InboundGate(socket, maxBytes, perSecond, onText);
    socket.frameHandler(gate::frame);
    ShutdownNotice.closeOnShutdown(socket);
  }

  private void frame(WebSocketFrame frame) {
    if (socket.isClosed()) {
      return;
    }
    if (frame.isText() || frame.isBinary()) {
      message = Buffer.buffer();
      binary = frame.isBinary();
    } else if (!frame.isContinuation() || message == null) {
      return;
    }
    if (message.length() + frame.binaryData().length() > maxBytes) {
      message = null;
      socket.close(MESSAGE_TOO_BIG, "messages are limited to " + maxBytes + " bytes");
      return;
    }
    if (!binary) {
      message.appendBuffer(frame.binaryData());
    }
    if (frame.isFinal()) {
      Buffer complete = message;
      message = null;
      complete(complete);
    }
  }

  private void complete(Buffer bytes) {
    if (binary) {
      if (within()) {
        socket.writeTextMessage(error("send JSON text messages, not binary ones"));
      }
      return;
    }
    String text;
    try {
      // a strict decoder: Buffer.toString would put U+FFFD where the bytes are not UTF-8
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.getBytes())).toString();
    } catch (CharacterCodingException e) {
      socket.close(INVALID_PAYLOAD, "text messages must be valid UTF-8");
      return;
    }
    if (within()) {
      onText.handle(text);
    }
  }

  private boolean within() {
    if (rate.take() == 0) {
      return true;
    }
    socket.writeTextMessage(error("too many messages; this socket is closed"));
    socket.close(POLICY_VIOLATION, "too many messages");
    return false;
  }

  private static String error(String reason) {
    return new JsonObject().put("type", "error").put("error", reason).encode();
  }
}
