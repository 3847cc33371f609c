package dev.newsticker.ingest;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.Metrics;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** /metrics counts feed fetches by outcome. */
@ExtendWith(VertxExtension.class)
class FeedMetricsTest {

  @Test
  void fetchesAreCountedByOutcome(Vertx vertx, @TempDir Path dataDir) {
    FixtureServer feeds = Await.result(FixtureServer.start(vertx));
    feeds.serve("/good.xml", ctx -> ctx.response().putHeader("Content-Type", "application/rss+xml")
      .end(FeedPollerTest.rss("m1|Metrics count a good feed")));
    feeds.serve("/broken.xml", ctx -> ctx.response().setStatusCode(500).end("down"));
    Server server = TestServers.start(vertx, TestServers.settings(dataDir, new JsonObject().put("feeds", new JsonObject()
      .put("urls", new JsonArray().add(feeds.url("/good.xml")).add(feeds.url("/broken.xml")))
      .put("list", new JsonArray()))));
    try (Api api = new Api(vertx, server.port())) {
      Await.until("a good and a failed fetch on /metrics", () -> {
        String metrics = api.get("/metrics").bodyAsString();
        return Metrics.value(metrics, "newsticker_feed_fetches_total{outcome=\"ok\"") >= 1
          && Metrics.value(metrics, "newsticker_feed_fetches_total{outcome=\"error\"") >= 1;
      });
    } finally {
      Await.result(server.stop());
      Await.result(feeds.close());
    }
  }
}
