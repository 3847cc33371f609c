package dev.newsticker.guard;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * What a reader may send on its WebSocket: text messages of up to {@code maxBytes}, else closed
 * with 1009 (message too big), at up to {@code perSecond} (bursts of as many), else told why and
 * closed with 1008 (policy violation). Binary messages count too and are refused. The HTTP
 * decoder's own cap (twice {@code maxBytes}) drops anything larger before it is buffered. Also
 * closes the socket with 1012 when the server shuts down.
 */
public final class InboundGate {
  /** RFC 6455: the message violates the server's policy. */
  public static final short POLICY_VIOLATION = 1008;
  /** RFC 6455: the message is too big to process. */
  public static final short MESSAGE_TOO_BIG = 1009;

  private InboundGate() {
  }

  public static void attach(ServerWebSocket socket, int maxBytes, int perSecond, Handler<String> onText) {
    TokenBucket rate = new TokenBucket(perSecond, perSecond);
    socket.textMessageHandler(text -> {
      if (text.length() > maxBytes || text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
        socket.close(MESSAGE_TOO_BIG, "messages are limited to " + maxBytes + " bytes");
      } else if (within(socket, rate)) {
        onText.handle(text);
      }
    });
    socket.binaryMessageHandler(binary -> {
      if (within(socket, rate)) {
        socket.writeTextMessage(error("send JSON text messages, not binary ones"));
      }
    });
    ShutdownNotice.closeOnShutdown(socket);
  }

  private static boolean within(ServerWebSocket socket, TokenBucket rate) {
    if (socket.isClosed()) {
      return false;
    }
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
