package dev.newsticker.guard;

import dev.newsticker.support.Await;
import dev.newsticker.support.ConfiguredServerTestBase;
import dev.newsticker.support.RawSocket;
import dev.newsticker.support.SseReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every limit answers with its own status and a JSON reason, and each is configurable. */
class LimitsTest extends ConfiguredServerTestBase {
  private void startWithLimits(JsonObject limits) {
    start(new JsonObject().put("limits", limits));
  }

  private static JsonObject reason(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"), response.getHeader("Content-Type"));
    JsonObject body = response.bodyAsJsonObject();
    assertTrue(body.getString("error").length() > 5, body.encode());
    return body;
  }

  @Test
  void requestSizesHeadlinesItemsAndQueries() {
    startWithLimits(new JsonObject().put("bodyBytes", 2048).put("headlineChars", 50).put("itemsPerPublish", 3)
      .put("uriChars", 300).put("paramChars", 40));
    String big = new JsonObject().put("headline", "x").put("summary", "y".repeat(4000)).encode();
    reason(api.publish(big), 413);
    assertEquals("headline", reason(api.publish(new JsonObject().put("headline", "h".repeat(51)).encode()), 400)
      .getString("field"));
    JsonArray four = new JsonArray();
    for (int i = 0; i < 4; i++) {
      four.add(new JsonObject().put("headline", "Item " + i));
    }
    String tooMany = reason(api.publish(four.encode()), 400).getString("error");
    assertEquals("the body holds more than 3 items", tooMany);
    assertEquals(200, api.publish(new JsonArray(four.getList().subList(0, 3)).encode()).statusCode());

    assertEquals("category", reason(api.get("/api/v1/stories?category=" + "c".repeat(41)), 400).getString("field"));
    reason(api.get("/api/v1/stories?category=" + "c".repeat(35) + "&source=" + "s".repeat(35)
      + "&x=" + "z".repeat(35) + "&y=" + "z".repeat(35) + "&w=" + "z".repeat(35) + "&v=" + "z".repeat(35)
      + "&u=" + "z".repeat(35) + "&t=" + "z".repeat(35)), 414);
    assertEquals(414, api.get("/api/v1/stories?category=" + "c".repeat(5000)).statusCode(),
      "past what the decoder reads, Vert.x answers 414 itself");
    assertEquals(200, api.get("/health/live").statusCode(), "the server is fine afterwards");
  }

  @Test
  void webSocketFramesAndMessageRate() {
    startWithLimits(new JsonObject().put("wsMessageBytes", 1024).put("wsMessagesPerSecond", 3));
    try (RawSocket huge = RawSocket.open(vertx, server.port(), "/api/v1/ws", Map.of())) {
      huge.socket().writeTextMessage("{\"type\":\"subscribe\",\"category\":\"" + "x".repeat(1500) + "\"}");
      assertEquals(InboundGate.MESSAGE_TOO_BIG, huge.awaitClose());
    }
    try (RawSocket gigantic = RawSocket.open(vertx, server.port(), "/api/v1/ws", Map.of())) {
      gigantic.socket().writeTextMessage("x".repeat(100_000));
      gigantic.awaitClose();
    }
    try (RawSocket chatty = RawSocket.open(vertx, server.port(), "/api/v1/ws", Map.of())) {
      for (int i = 0; i < 30 && !chatty.isClosed(); i++) {
        chatty.socket().writeTextMessage("{\"type\":\"subscribe\",\"snapshot\":0}");
      }
      assertEquals(InboundGate.POLICY_VIOLATION, chatty.awaitClose());
      assertTrue(chatty.texts().stream().anyMatch(t -> t.contains("too many messages")), chatty.texts().toString());
    }
    try (RawSocket calm = RawSocket.open(vertx, server.port(), "/api/v1/ws", Map.of())) {
      calm.send("{\"type\":\"subscribe\"}");
      calm.awaitText("\"snapshot\"");
      calm.socket().writeBinaryMessage(Buffer.buffer("binary"));
      calm.awaitText("not binary");
    }
  }

  @Test
  void connectionsPerAddressAnswer429() {
    startWithLimits(new JsonObject().put("connectionsPerAddress", 3));
    List<SseReader> readers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        readers.add(SseReader.open(vertx, server.port(), "/api/v1/stream"));
      }
      HttpResponse<Buffer> refused = freshGet("/api/v1/stories");
      assertTrue(reason(refused, 429).getString("error").contains("too many connections"));
      assertEquals("10", refused.getHeader("Retry-After"));
    } finally {
      readers.forEach(SseReader::close);
    }
    Await.until("a connection to be accepted again", () -> freshGet("/api/v1/stories").statusCode() == 200);
    List<RawSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        sockets.add(RawSocket.open(vertx, server.port(), "/api/v1/ws", Map.of()));
      }
      assertEquals(429, freshGet("/api/v1/stories").statusCode(), "WebSockets count too");
    } finally {
      sockets.forEach(RawSocket::close);
    }
    Await.until("closed WebSockets to be released", () -> freshGet("/api/v1/stories").statusCode() == 200);
  }

  @Test
  void connectionsInTotalAnswer503() {
    startWithLimits(new JsonObject().put("connectionsTotal", 2));
    try (SseReader one = SseReader.open(vertx, server.port(), "/api/v1/stream");
         SseReader two = SseReader.open(vertx, server.port(), "/api/v1/stream")) {
      reason(freshGet("/api/v1/stories"), 503);
      assertEquals(503, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws", Map.of()), "a WebSocket as well");
    }
  }

  /** A request on a connection of its own, so the limits count it. */
  private HttpResponse<Buffer> freshGet(String uri) {
    WebClient client = WebClient.create(vertx);
    try {
      return Await.result(client.get(server.port(), "127.0.0.1", uri).send());
    } finally {
      client.close();
    }
  }
}
