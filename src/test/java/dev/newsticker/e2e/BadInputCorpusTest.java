package dev.newsticker.e2e;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.Corpus;
import dev.newsticker.support.OurWords;
import dev.newsticker.support.RawSocket;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus against a real server: every publish and query case gets its 4xx with a
 * JSON reason, every WebSocket case an error message or its close code; the server stays
 * healthy, and nothing stored changes. (Feed cases run in {@code ingest.BadFeedCorpusTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
  @TempDir
  static Path dataDir;
  private Vertx vertx;
  private Server server;
  private Api api;
  private String storedBefore;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    server = TestServers.start(vertx, TestServers.settings(dataDir));
    api = new Api(vertx, server.port());
    api.publishOne(new JsonObject().put("headline", "The one story that is already there"));
    storedBefore = api.events(0).encode();
  }

  @AfterAll
  void stop() {
    api.close();
    Await.result(server.stop());
    Await.result(vertx.close());
  }

  static Stream<JsonObject> publishCases() {
    return Corpus.cases("publish");
  }

  static Stream<JsonObject> queryCases() {
    return Corpus.cases("query");
  }

  static Stream<JsonObject> wsCases() {
    return Corpus.cases("ws");
  }

  @ParameterizedTest(name = "publish: {0}")
  @MethodSource("publishCases")
  void publish(JsonObject c) {
    HttpRequest<Buffer> request = api.client().post("/api/v1/headlines");
    if (c.getString("contentType") != null) {
      request.putHeader("Content-Type", c.getString("contentType"));
    }
    long uploadsBefore = uploads();
    assertRefused(c, Await.result(request.sendBuffer(Corpus.payload(c))));
    assertEquals(uploadsBefore, uploads(), "a multipart body never reaches the disk");
  }

  /** Files in Vert.x's default upload directory (which a test harness may have created). */
  private static long uploads() {
    Path dir = Path.of(BodyHandler.DEFAULT_UPLOADS_DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "query: {0}")
  @MethodSource("queryCases")
  void query(JsonObject c) {
    assertRefused(c, api.get(c.getString("uri")));
  }

  @ParameterizedTest(name = "ws: {0}")
  @MethodSource("wsCases")
  void webSocket(JsonObject c) {
    try (RawSocket socket = RawSocket.open(vertx, server.port(), "/api/v1/ws", Map.of())) {
      Buffer payload = Corpus.payload(c);
      if (c.containsKey("base64")) {
        socket.socket().writeBinaryMessage(payload);
      } else {
        socket.socket().writeTextMessage(payload.toString());
      }
      String expect = c.getString("expect");
      if (expect.startsWith("close:")) {
        assertEquals(Short.parseShort(expect.substring(6)), socket.awaitClose());
      } else {
        JsonObject error = new JsonObject(socket.awaitText("\"error\""));
        assertEquals("error", error.getString("type"));
        assertTrue(error.getString("error").length() > 5, error.encode());
        OurWords.assertOurs(error.getString("error"));
        socket.send("{\"type\":\"subscribe\",\"snapshot\":1}");
        socket.awaitText("\"snapshot\"");
      }
    }
    assertUnharmed();
  }

  private void assertRefused(JsonObject c, HttpResponse<Buffer> response) {
    assertEquals(c.getInteger("status"), response.statusCode(), response.bodyAsString());
    String type = response.getHeader("Content-Type");
    assertTrue(type != null && type.startsWith("application/json"), "content type " + type);
    JsonObject reason = response.bodyAsJsonObject();
    assertTrue(reason.getString("error").length() > 5, reason.encode());
    OurWords.assertOurs(reason.getString("error"));
    if (c.getString("field") != null) {
      assertEquals(c.getString("field"), reason.getString("field"), reason.encode());
    }
    assertUnharmed();
  }

  private void assertUnharmed() {
    assertEquals(200, api.get("/health/ready").statusCode());
    assertEquals(storedBefore, api.events(0).encode(), "nothing stored changed");
  }
}
