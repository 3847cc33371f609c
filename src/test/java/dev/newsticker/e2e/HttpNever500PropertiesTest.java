package dev.newsticker.e2e;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a client sends to the publish and read endpoints, the answer is a JSON 2xx or 4xx, never a 500. */
class HttpNever500PropertiesTest {
  private static final Set<Integer> PUBLISH_ANSWERS = Set.of(200, 400, 413, 415);
  private static Vertx vertx;
  private static Server server;
  private static Api api;

  @BeforeContainer
  static void start() throws IOException {
    vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("never500");
    server = TestServers.start(vertx, TestServers.settings(dataDir,
      new JsonObject().put("limits", new JsonObject().put("publishesPerSecond", 100_000).put("publishBurst", 100_000))));
    api = new Api(vertx, server.port());
  }

  @AfterContainer
  static void stop() {
    api.close();
    Await.result(server.stop());
    Await.result(vertx.close());
  }

  @Property(tries = 300)
  void publishNeverAnswers500(@ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body) {
    HttpRequest<Buffer> request = api.client().post("/api/v1/headlines");
    if (!contentType.isEmpty()) {
      request.putHeader("Content-Type", contentType);
    }
    HttpResponse<Buffer> response = Await.result(request.sendBuffer(Buffer.buffer(body)));
    assertTrue(PUBLISH_ANSWERS.contains(response.statusCode()), response.statusCode() + " " + response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
  }

  @Property(tries = 300)
  void readsNeverAnswer500(@ForAll("paths") String path, @ForAll("names") String name, @ForAll String value) {
    String uri = path + "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    int status = api.get(uri).statusCode();
    assertTrue(status == 200 || status == 400 || status == 404 || status == 414, uri + " answered " + status);
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain", "", "text/html",
      "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded");
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<String> json = Arbitraries.oneOf(
      Arbitraries.strings().ofMaxLength(200),
      Arbitraries.strings().ofMaxLength(60).map(s -> new JsonObject().put("headline", s).encode()),
      Arbitraries.strings().ofMaxLength(60).map(s -> "[" + new JsonObject().put("headline", s).put("tags", s).encode() + "]"),
      Arbitraries.strings().ofMaxLength(300).map(s -> "-\n" + s + "\n-\n"));
    return Arbitraries.oneOf(
      json.map(s -> s.getBytes(StandardCharsets.UTF_8)),
      Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("/api/v1/stories", "/api/v1/events", "/api/v1/stories/x", "/api/v1/feeds");
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(Arbitraries.of("limit", "before", "since", "category", "source", "breaking"),
      Arbitraries.strings().ofMaxLength(10));
  }
}
