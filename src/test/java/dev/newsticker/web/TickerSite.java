package dev.newsticker.web;

import dev.newsticker.Server;
import dev.newsticker.guard.PublishTokens;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.nio.file.Path;
import java.util.List;

/**
 * A real Newsticker server for the browser tests (the core's test harness: port 0, the test's
 * data directory, no demo source) that can be restarted on the same port and data directory.
 * The tests drive a blocking browser from JUnit's thread, so this helper blocks too.
 */
final class TickerSite implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final Path dataDir;
  /** The publish token this site's own calls bear; null while none is configured. */
  private final String token;
  private Server server;
  private Api api;
  private int port;

  private TickerSite(Path dataDir, String token) {
    this.dataDir = dataDir;
    this.token = token;
  }

  static TickerSite start(Path dataDir) {
    TickerSite site = new TickerSite(dataDir, null);
    site.server = TestServers.start(site.vertx, dataDir);
    site.port = site.server.port();
    site.api = new Api(site.vertx, site.port);
    return site;
  }

  /**
   * A site with one publish token configured, named {@code name}: every call then needs it; {@code more}
   * settings in the shape of conf/config.json.
   */
  static TickerSite startWithToken(Path dataDir, String name, String token, JsonObject more) {
    TickerSite site = new TickerSite(dataDir, token);
    JsonObject settings = new JsonObject().put("auth", new JsonObject().put("publishTokens", new JsonArray()
      .add(new JsonObject().put("name", name).put("sha256", PublishTokens.sha256Hex(token)))));
    site.server = TestServers.start(site.vertx, TestServers.settings(dataDir, settings.mergeIn(more, true)));
    site.port = site.server.port();
    site.api = new Api(site.vertx, site.port);
    return site;
  }

  void stopServer() {
    Await.result(server.stop());
    server = null;
  }

  /** A new server on the port and data directory of the one before. */
  void startServer() {
    server = TestServers.start(vertx,
      TestServers.settings(dataDir, new JsonObject().put("http", new JsonObject().put("port", port))));
  }

  String origin() {
    return "http://127.0.0.1:" + port;
  }

  /** Publishes one headline, from loopback (so no token is needed); answers the story's id. */
  String publish(JsonObject item) {
    return publish(List.of(item)).get(0);
  }

  /** Publishes headlines in one request; answers their story ids in the same order. */
  List<String> publish(List<JsonObject> items) {
    HttpResponse<Buffer> response = api.send("application/json", new JsonArray(items).encode(), token);
    if (response.statusCode() != 200) {
      throw new AssertionError("publish answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonArray().stream().map(result -> ((JsonObject) result).getString("storyId")).toList();
  }

  /** Retracts a story (DELETE), which readers see as story.removed. */
  void retract(String storyId) {
    var request = api.client().delete("/api/v1/stories/" + storyId);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    HttpResponse<Buffer> response = Await.result(request.send());
    if (response.statusCode() != 200) {
      throw new AssertionError("retract answered " + response.statusCode() + ": " + response.bodyAsString());
    }
  }

  /** An editor's call, bearing the site's token: what the console would get for the same request. */
  HttpResponse<Buffer> editorCall(HttpMethod method, String path, JsonObject body) {
    var request = api.client().request(method, path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  /** An editor's call (merge, breaking), bearing the site's token if it has one; fails unless it answers 2xx. */
  void correct(HttpMethod method, String uri, JsonObject body) {
    HttpResponse<Buffer> response = editorCall(method, uri, body);
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + uri + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
  }

  /** A headline with the publisher's own id: publishing the same id again updates the story. */
  static JsonObject headline(String id, String headline) {
    return new JsonObject().put("id", id).put("headline", headline).put("source", "test");
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    try {
      api.close();
      if (server != null) {
        stopServer();
      }
    } finally {
      Await.result(vertx.close());
    }
  }
}
