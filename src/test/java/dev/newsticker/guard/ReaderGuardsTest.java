package dev.newsticker.guard;

import dev.newsticker.support.Await;
import dev.newsticker.support.ConfiguredServerTestBase;
import dev.newsticker.support.OurWords;
import dev.newsticker.support.RawSocket;
import dev.newsticker.support.SseReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader side: the subscribe token, the WebSocket Origin, CORS, and the outbound-only SockJS bridge. */
class ReaderGuardsTest extends ConfiguredServerTestBase {
  private static final String GOOD = "https://news.example";

  @Test
  void withASubscribeTokenReadersNeedIt() {
    start(new JsonObject().put("subscribeToken", "r3ader"));
    HttpResponse<Buffer> refused = api.get("/api/v1/stream");
    assertEquals(401, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("error").contains("token"));
    assertEquals(401, api.get("/api/v1/stream?token=wrong").statusCode());
    try (SseReader byParameter = SseReader.open(vertx, server.port(), "/api/v1/stream?token=r3ader");
         SseReader byHeader = SseReader.open(vertx, server.port(), "/api/v1/stream",
           Map.of("Authorization", "Bearer r3ader"))) {
      byParameter.awaitEvent("snapshot");
      byHeader.awaitEvent("snapshot");
    }
    assertEquals(401, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws", Map.of()));
    assertEquals(401, RawSocket.upgradeStatus(vertx, server.port(), "/eventbus/websocket", Map.of()));
    assertEquals(101, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws?token=r3ader", Map.of()));
    assertEquals(101, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws",
      Map.of("Authorization", "Bearer r3ader")));
    assertEquals(200, api.get("/api/v1/stories").statusCode(), "REST reads stay public");
  }

  @Test
  void webSocketOriginsAreCheckedWhenAllowedOriginsAreSet() {
    start(new JsonObject().put("allowedOrigins", new JsonArray().add(GOOD)));
    assertEquals(403, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws", Map.of("Origin", "https://evil.example")));
    assertEquals(403, RawSocket.upgradeStatus(vertx, server.port(), "/eventbus/websocket", Map.of("Origin", "https://evil.example")));
    assertEquals(101, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws", Map.of("Origin", GOOD)));
    assertEquals(101, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws", Map.of()));
    assertEquals(101, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws",
      Map.of("Origin", "http://127.0.0.1:" + server.port())), "the server's own page");
  }

  @Test
  void anyOriginMayOpenAWebSocketWhenNoneAreSet() {
    start(new JsonObject());
    assertEquals(101, RawSocket.upgradeStatus(vertx, server.port(), "/api/v1/ws", Map.of("Origin", "https://anyone.example")));
  }

  @Test
  void corsForRestSseAndTheWidgetFollowsAllowedOrigins() {
    start(new JsonObject().put("allowedOrigins", new JsonArray().add(GOOD)));
    for (String uri : new String[] {"/api/v1/stories", "/widget.js"}) {
      HttpResponse<Buffer> allowed = Await.result(api.client().get(uri).putHeader("Origin", GOOD).send());
      assertEquals(GOOD, allowed.getHeader("Access-Control-Allow-Origin"), uri);
      HttpResponse<Buffer> other = Await.result(api.client().get(uri).putHeader("Origin", "https://evil.example").send());
      assertNull(other.getHeader("Access-Control-Allow-Origin"), uri);
      if (uri.startsWith("/api/")) {
        assertEquals(403, other.statusCode(), uri);
        OurWords.assertOurs(other.bodyAsJsonObject().getString("error"));
      }
    }
    HttpResponse<Buffer> preflight = Await.result(api.client().request(HttpMethod.OPTIONS, "/api/v1/stream")
      .putHeader("Origin", GOOD).putHeader("Access-Control-Request-Method", "GET")
      .putHeader("Access-Control-Request-Headers", "Last-Event-ID").send());
    assertEquals(GOOD, preflight.getHeader("Access-Control-Allow-Origin"));
    HttpResponse<Buffer> editPreflight = Await.result(api.client().request(HttpMethod.OPTIONS, "/api/v1/stories/any")
      .putHeader("Origin", GOOD).putHeader("Access-Control-Request-Method", "PATCH")
      .putHeader("Access-Control-Request-Headers", "Authorization, Content-Type").send());
    assertTrue(editPreflight.getHeader("Access-Control-Allow-Methods").contains("PATCH"), "an editor's tool elsewhere may correct a story");
    assertTrue(preflight.getHeader("Access-Control-Allow-Headers").toLowerCase().contains("last-event-id"));
    try (SseReader sse = SseReader.open(vertx, server.port(), "/api/v1/stream", Map.of("Origin", GOOD))) {
      assertEquals(GOOD, sse.header("Access-Control-Allow-Origin"));
    }
  }

  @Test
  void theSockJsBridgeDeliversNewsEventsAndRefusesEverythingInbound() {
    start(new JsonObject());
    try (RawSocket bridge = RawSocket.open(vertx, server.port(), "/eventbus/websocket", Map.of())) {
      bridge.send(new JsonObject().put("type", "register").put("address", "news.events").encode());
      bridge.send(new JsonObject().put("type", "ping").encode());
      // The bridge answers in order: once the register is processed, publishing reaches us.
      Await.until("the register to be processed", () -> {
        api.publishOne(new JsonObject().put("headline", "Bridge headline " + System.nanoTime()));
        return bridge.texts().stream().anyMatch(t -> t.contains("\"rec\""));
      });
      JsonObject received = new JsonObject(bridge.awaitText("\"rec\""));
      assertEquals("news.events", received.getString("address"));
      assertTrue(received.getValue("body").toString().contains("Bridge headline"));

      long stored = api.events(0).size();
      bridge.send(new JsonObject().put("type", "send").put("address", "news.desk.ingest")
        .put("body", new JsonObject().put("items", new JsonArray().add(new JsonObject().put("headline", "Injected")))).encode());
      bridge.send(new JsonObject().put("type", "publish").put("address", "news.events").put("body", "{}").encode());
      bridge.send(new JsonObject().put("type", "register").put("address", "news.desk.ingest").encode());
      Await.until("three refusals", () -> bridge.texts().stream().filter(t -> t.contains("access_denied")).count() >= 3);
      assertEquals(stored, api.events(0).size(), "nothing reached the desk");
    }
  }
}
