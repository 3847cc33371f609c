package dev.newsticker.ingest;

import dev.newsticker.api.FeedRoutes;
import dev.newsticker.config.ConfigReader;
import dev.newsticker.desk.DeskClient;
import dev.newsticker.support.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A feed poller wired as in the server, on loopback: FeedRoutes on a router of their own, the desk replaced
 * by {@link DeskStub}, two fixture servers (two hosts, as far as the per-host limit is concerned).
 */
final class FeedHarness {
  static final String TOKEN = "test-token";

  final Vertx vertx;
  final FixtureServer feeds;
  final FixtureServer otherHost;
  final DeskStub desk = new DeskStub();
  final WebClient client;
  final Path dataDir;
  private final HttpServer api;
  private String pollerId;

  private FeedHarness(Vertx vertx, Path dataDir, FixtureServer feeds, FixtureServer otherHost, HttpServer api) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.feeds = feeds;
    this.otherHost = otherHost;
    this.api = api;
    this.client = WebClient.create(vertx);
  }

  static FeedHarness start(Vertx vertx, Path dataDir) {
    FixtureServer feeds = Await.result(FixtureServer.start(vertx));
    FixtureServer other = Await.result(FixtureServer.start(vertx));
    Router router = Router.router(vertx);
    // As on the main router: a body handler for all of /api/* before the feature routes.
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(1 << 20));
    HttpServer api = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    FeedHarness harness = new FeedHarness(vertx, dataDir, feeds, other, api);
    new FeedRoutes(vertx, harness.settings(new JsonObject()), ctx -> {
      if (("Bearer " + TOKEN).equals(ctx.request().getHeader("Authorization"))) {
        ctx.next();
      } else {
        ctx.response().setStatusCode(401).end(new JsonObject().put("error", "token needed").encode());
      }
    }).mount(router);
    Await.result(harness.desk.register(vertx));
    return harness;
  }

  /** Turns WebSub on with this harness's router as the callback base. */
  JsonObject websub(int leaseSeconds, int fallbackPollSeconds) {
    return new JsonObject().put("websub", new JsonObject().put("callbackBaseUrl", apiUrl(""))
      .put("leaseSeconds", leaseSeconds).put("fallbackPollSeconds", fallbackPollSeconds));
  }

  String apiUrl(String path) {
    return "http://127.0.0.1:" + api.actualPort() + path;
  }

  /**
   * Test defaults: 1 s minimum, 2 s maximum and backoff cap, 2 s total timeout, WebSub off (fixtures name hubs
   * that are not on loopback); {@code overrides} on top.
   */
  FeedSettings settings(JsonObject overrides) {
    JsonObject config = new JsonObject()
      .put("minIntervalSeconds", 1)
      .put("maxIntervalSeconds", 2)
      .put("backoffMaxSeconds", 2)
      .put("timeoutSeconds", 2)
      .put("connectTimeoutSeconds", 1)
      .put("idleTimeoutSeconds", 2)
      .mergeIn(overrides, true);
    return FeedSettings.parse(new ConfigReader(config, "feeds"), dataDir, 400);
  }

  void deployPoller(JsonObject overrides) {
    pollerId = Await.result(vertx.deployVerticle(new FeedPollerVerticle(settings(overrides), new DeskClient(vertx, 10_000, 200))));
  }

  void undeployPoller() {
    Await.result(vertx.undeploy(pollerId));
  }

  HttpResponse<Buffer> addFeed(JsonObject body) {
    return Await.result(client.postAbs(apiUrl("/api/v1/feeds")).bearerTokenAuthentication(TOKEN).sendJsonObject(body));
  }

  /** Adds a feed and returns its id. */
  String addFeed(String url) {
    HttpResponse<Buffer> response = addFeed(new JsonObject().put("url", url));
    if (response.statusCode() != 201) {
      throw new AssertionError("POST /api/v1/feeds answered " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("id");
  }

  Optional<JsonObject> feed(String id) {
    JsonObject list = Await.result(client.getAbs(apiUrl("/api/v1/feeds")).send()).bodyAsJsonObject();
    return list.getJsonArray("feeds").stream().map(JsonObject.class::cast)
      .filter(f -> f.getString("id").equals(id)).findFirst();
  }

  JsonObject status(String id) {
    return feed(id).orElseThrow().getJsonObject("status");
  }

  Future<Void> close() {
    return Future.all(feeds.close(), otherHost.close(), api.close()).mapEmpty();
  }
}
