package dev.newsticker.push;

import dev.newsticker.support.Await;
import dev.newsticker.support.ServerTestBase;
import dev.newsticker.support.SseReader;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Readers that offer compression (browsers do) still get the bytes encoded once for everyone:
 * no gzip on the event stream, no permessage-deflate on the WebSocket.
 */
class EncodeOnceTest extends ServerTestBase {

  @Test
  void eventStreamIsNotCompressedPerReader() {
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream?snapshot=0",
      Map.of("Accept-Encoding", "gzip, deflate"))) {
      reader.awaitEvent("snapshot");
      api.publishOne(new JsonObject().put("headline", "Plain bytes for everyone"));
      reader.awaitEvent("story.new");
      assertNull(reader.header("Content-Encoding"));
    }
  }

  @Test
  void webSocketDeclinesPerMessageDeflate() {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(true));
    try {
      List<String> texts = new CopyOnWriteArrayList<>();
      // the handler goes on before connecting: the snapshot may come with the handshake
      ClientWebSocket connecting = client.webSocket();
      connecting.textMessageHandler(texts::add);
      WebSocket socket = Await.result(connecting.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(server.port()).setURI("/api/v1/ws?snapshot=0")));
      assertNull(socket.headers().get("Sec-WebSocket-Extensions"));
      Await.until("the snapshot", () -> texts.size() == 1);
      api.publishOne(new JsonObject().put("headline", "Same frame for every socket"));
      Await.until("the event", () -> texts.size() == 2);
      assertEquals("story.new", new JsonObject(texts.get(1)).getString("type"));
    } finally {
      Await.result(client.close());
    }
  }
}
