package dev.newsticker.support;

import dev.newsticker.guard.PublishTokens;
import dev.newsticker.store.PgTestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The correction API end to end, on either store ({@code "h2"} or {@code "pg"}, a schema of the
 * test's own): an editor's token, a live SSE reader and a live WebSocket reader, and a resume
 * with Last-Event-ID from before the action.
 */
public abstract class CorrectionTestBase extends ConfiguredServerTestBase {
  protected static final String EDITOR = "night-desk";
  protected static final String TOKEN = "c0rrect-me";
  private PgTestSupport.TestSchema schema;
  private JsonObject settings;
  protected SseReader sse;
  protected WsReader ws;

  /** Starts the server on the store, with an editor's token, and connects both live readers. */
  protected void startOn(String store) {
    startOn(store, new JsonObject());
  }

  /** The same, with more settings in the shape of conf/config.json. */
  protected void startOn(String store, JsonObject more) {
    settings = new JsonObject().put("auth", new JsonObject().put("publishTokens", new JsonArray()
      .add(new JsonObject().put("name", EDITOR).put("sha256", PublishTokens.sha256Hex(TOKEN)))));
    if (store.equals("pg")) {
      PgTestSupport.assumeReachable();
      schema = PgTestSupport.freshSchema(vertx);
      settings.put("pgUrl", schema.url());
    }
    settings.mergeIn(more, true);
    start(settings);
    openReaders();
  }

  /** Stops the server, runs {@code meanwhile}, and starts it again on the same store (its readers too). */
  protected void restart(Runnable meanwhile) {
    sse.close();
    ws.close();
    api.close();
    Await.result(server.stop());
    server = null;
    meanwhile.run();
    start(settings);
    openReaders();
  }

  private void openReaders() {
    sse = SseReader.open(vertx, server.port(), "/api/v1/stream");
    sse.awaitEvent("snapshot");
    ws = WsReader.open(vertx, server.port(), "/api/v1/ws");
    ws.awaitType("snapshot");
  }

  @AfterEach
  void closeReadersAndSchema() {
    if (sse != null) {
      sse.close();
    }
    if (ws != null) {
      ws.close();
    }
    if (schema != null) {
      PgTestSupport.drop(vertx, schema);
    }
  }

  /** Publishes one headline with the editor's token; answers the desk's result. */
  protected JsonObject publish(JsonObject item) {
    HttpResponse<Buffer> response = api.send("application/json", item.encode(), TOKEN);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonArray().getJsonObject(0);
  }

  protected HttpResponse<Buffer> call(HttpMethod method, String uri, JsonObject body) {
    return call(method, uri, body, TOKEN);
  }

  protected HttpResponse<Buffer> call(HttpMethod method, String uri, JsonObject body, String token) {
    var request = api.client().request(method, uri);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return Await.result(body == null ? request.send()
      : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.encode())));
  }

  /** Both live readers have seen story events up to {@code seq}; answers those after {@code afterSeq}, as SSE sent them. */
  protected List<JsonObject> liveEventsAfter(long afterSeq, long seq) {
    Predicate<JsonObject> wanted = event -> event.getLong("seq") > afterSeq;
    sse.awaitEvents("SSE events up to seq " + seq, events -> events.stream()
      .anyMatch(e -> e.event().startsWith("story.") && e.seq() >= seq));
    Await.until("WebSocket events up to seq " + seq, () -> ws.storyEvents().stream()
      .anyMatch(e -> e.getLong("seq") >= seq));
    List<JsonObject> fromSse = sse.storyEvents().stream().map(SseEvent::json).filter(wanted).toList();
    assertEquals(fromSse, ws.storyEvents().stream().filter(wanted).toList(), "SSE and WebSocket readers differ");
    return fromSse;
  }

  /** A reader coming back with Last-Event-ID {@code lastSeen}: what it gets up to {@code seq}, with no snapshot. */
  protected List<JsonObject> resumedEvents(long lastSeen, long seq) {
    try (SseReader back = SseReader.open(vertx, server.port(), "/api/v1/stream",
      Map.of("Last-Event-ID", Long.toString(lastSeen)))) {
      List<SseEvent> events = back.awaitEvents("resumed events up to seq " + seq, all -> all.stream()
        .anyMatch(e -> e.event().startsWith("story.") && e.seq() >= seq));
      assertEquals(0, events.stream().filter(e -> e.event().equals("snapshot")).count(), "a resume sends no snapshot");
      return back.storyEvents().stream().map(SseEvent::json).toList();
    }
  }

  /** A refusal: the status, and a JSON reason holding {@code reason}. */
  protected static void assertRefused(int status, String reason, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    String error = response.bodyAsJsonObject().getString("error");
    assertTrue(error != null && error.contains(reason), response.bodyAsString());
  }

  protected JsonObject story(String id) {
    HttpResponse<Buffer> response = api.get("/api/v1/stories/" + id);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
