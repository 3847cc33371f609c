package dev.newsticker.e2e;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad publish gets its 4xx with a JSON reason, and nothing of it is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  @TempDir
  static Path dataDir;
  private Vertx vertx;
  private Server server;
  private Api api;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    server = TestServers.start(vertx, TestServers.settings(dataDir));
    api = new Api(vertx, server.port());
    api.publishOne(new JsonObject().put("headline", "A story that is already there"));
  }

  @AfterAll
  void stop() {
    api.close();
    Await.result(server.stop());
    Await.result(vertx.close());
  }

  static Stream<Arguments> badRequests() {
    String longHeadline = "x".repeat(10 * 1024);
    return Stream.of(
      Arguments.of("invalid JSON", "application/json", "{\"headline\": ", 400, null),
      Arguments.of("a missing headline", "application/json", "{\"summary\":\"no headline\"}", 400, "headline"),
      Arguments.of("an empty headline", "application/json", "{\"headline\":\"   \"}", 400, "headline"),
      Arguments.of("a 10 KB headline", "application/json", new JsonObject().put("headline", longHeadline).encode(), 400, "headline"),
      Arguments.of("a wrong content type", "application/xml", "<headline>x</headline>", 415, null),
      Arguments.of("no content type", null, "{\"headline\":\"x\"}", 415, null),
      Arguments.of("an unknown field", "application/json", "{\"headline\":\"x\",\"colour\":\"red\"}", 400, "colour"),
      Arguments.of("a wrong type", "application/json", "{\"headline\":42}", 400, "headline"),
      Arguments.of("breaking as a string", "application/json", "{\"headline\":\"x\",\"breaking\":\"yes\"}", 400, "breaking"),
      Arguments.of("a javascript URL", "application/json", "{\"headline\":\"x\",\"url\":\"javascript:alert(1)\"}", 400, "url"),
      Arguments.of("a bad date", "application/json", "{\"headline\":\"x\",\"publishedAt\":\"yesterday\"}", 400, "publishedAt"),
      Arguments.of("a scalar", "application/json", "42", 400, null),
      Arguments.of("an empty array", "application/json", "[]", 400, null),
      Arguments.of("one bad item in an array", "application/json",
        new JsonArray().add(new JsonObject().put("headline", "fine one")).add(new JsonObject().put("headline", "")).encode(), 400, "headline"),
      Arguments.of("one bad item in a 150 KB array (checked off the event loop)", "application/json",
        largeArrayWithOneEmptyHeadline(), 400, "headline"),
      Arguments.of("empty wire text", "text/plain", "-\n-\n", 400, null),
      Arguments.of("a 10 KB wire headline", "text/plain", longHeadline, 400, "headline"));
  }

  /** Past ContractValidation.INLINE_BODY_BYTES: the body is checked on a worker, with the same reasons. */
  private static String largeArrayWithOneEmptyHeadline() {
    JsonArray items = new JsonArray();
    for (int i = 0; i < 40; i++) {
      items.add(new JsonObject().put("headline", i == 31 ? "" : "Item " + i).put("summary", "s".repeat(4000)));
    }
    return items.encode();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void refusedWithAReasonAndNothingStored(String what, String contentType, String body, int status, String field) {
    long eventsBefore = api.events(0).size();
    HttpResponse<Buffer> response = api.send(contentType, body, null);
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
    JsonObject reason = response.bodyAsJsonObject();
    assertTrue(reason.getString("error").length() > 5, reason.encode());
    if (field != null) {
      assertEquals(field, reason.getString("field"), reason.encode());
    }
    assertEquals(eventsBefore, api.events(0).size());
    assertEquals(1, api.get("/api/v1/stories").bodyAsJsonObject().getJsonArray("stories").size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQueries")
  void badQueryParametersAreRefused(String uri) {
    HttpResponse<Buffer> response = api.get(uri);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertTrue(response.bodyAsJsonObject().getString("error").contains("'"));
  }

  static Stream<String> badQueries() {
    return Stream.of("/api/v1/stories?limit=abc", "/api/v1/stories?limit=0", "/api/v1/stories?limit=100000",
      "/api/v1/stories?breaking=maybe", "/api/v1/events?since=-4", "/api/v1/stream?since=x",
      "/api/v1/stream?snapshot=99999", "/api/v1/events?limit=1.5", "/api/v1/stories?limit=%25",
      "/api/v1/events?since=%25", "/api/v1/stories?breaking=%25");
  }

  /** A query value is decoded once: "%" and "+" are text like any other (they once answered 500). */
  @ParameterizedTest
  @ValueSource(strings = {"category=%25", "source=100%25", "source=a%2Bb", "category=%2B"})
  void percentAndPlusInQueryValuesAreText(String query) {
    HttpResponse<Buffer> response = api.get("/api/v1/stories?" + query);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(0, response.bodyAsJsonObject().getJsonArray("stories").size(), response.bodyAsString());
  }
}
