package dev.newsticker.web;

import dev.newsticker.Server;
import dev.newsticker.config.SettingsLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Newsticker server for the browser tests: its own Vert.x, a data directory of the test's,
 * no demo source, a free port that survives a restart. The tests run on JUnit's thread and drive
 * a blocking browser, so this helper blocks too, never on an event loop.
 */
final class TickerSite implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Path dataDir;
  private Server server;
  private int port;

  private TickerSite(Path dataDir) {
    this.dataDir = dataDir;
  }

  static TickerSite start(Path dataDir) {
    TickerSite site = new TickerSite(dataDir);
    site.startServer(freePort());
    return site;
  }

  /** Stops the server and starts a new one on the same port and data directory. */
  void restart() {
    stopServer();
    startServer(port);
  }

  void stopServer() {
    await(server.stop());
    server = null;
  }

  void startServer(int wantedPort) {
    JsonObject overrides = new JsonObject()
      .put("http", new JsonObject().put("port", wantedPort))
      .put("dataDir", dataDir.toString())
      .put("demo", new JsonObject().put("enabled", false));
    server = await(Server.start(vertx, SettingsLoader.withOverrides(overrides)));
    port = server.port();
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return port;
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
    return post(new JsonArray(items)).stream().map(result -> ((JsonObject) result).getString("storyId")).toList();
  }

  private JsonArray post(JsonArray items) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(origin() + "/api/v1/headlines"))
      .header("Content-Type", "application/json")
      .POST(HttpRequest.BodyPublishers.ofString(Json.encode(items)))
      .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("publish answered " + response.statusCode() + ": " + response.body());
      }
      return new JsonArray(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
      if (server != null) {
        stopServer();
      }
    } finally {
      await(vertx.close());
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
