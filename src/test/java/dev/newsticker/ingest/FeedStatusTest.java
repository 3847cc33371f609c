package dev.newsticker.ingest;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What the console's feeds panel shows, through the real server: failing since when, new items of the last
 * day, and "fetch now" (the feed's own schedule is an hour here, so every fetch is one the test asked for).
 */
@ExtendWith(VertxExtension.class)
class FeedStatusTest {

  @Test
  void fetchNowShowsFailingSinceThenRecoveryAndNewItemsOfTheDay(Vertx vertx, @TempDir Path dataDir) {
    FixtureServer feeds = Await.result(FixtureServer.start(vertx));
    AtomicReference<String> body = new AtomicReference<>();
    feeds.serve("/status.xml", ctx -> {
      if (body.get() == null) {
        ctx.response().setStatusCode(500).end();
      } else {
        ctx.response().putHeader("Content-Type", "application/rss+xml").end(body.get());
      }
    });
    Server server = TestServers.start(vertx, TestServers.settings(dataDir, new JsonObject().put("feeds", new JsonObject()
      .put("minIntervalSeconds", 3600).put("maxIntervalSeconds", 3600).put("list", new JsonArray()))));
    try (Api api = new Api(vertx, server.port())) {
      HttpResponse<Buffer> added = Await.result(api.client().post("/api/v1/feeds")
        .sendJsonObject(new JsonObject().put("url", feeds.url("/status.xml"))));
      assertEquals(201, added.statusCode(), added.bodyAsString());
      String id = added.bodyAsJsonObject().getString("id");

      JsonObject failing = awaitStatus(api, "the first fetch failed", status -> "failing".equals(status.getString("state")));
      assertEquals("HTTP 500 Internal Server Error", failing.getString("lastError"));
      String since = failing.getString("failingSince");
      assertNotNull(since);
      assertEquals(202, fetchNow(api, id).statusCode());
      JsonObject still = awaitStatus(api, "a second failure", status -> status.getInteger("consecutiveErrors") == 2);
      assertEquals(since, still.getString("failingSince"), "failing since the first failure, not the latest");

      body.set(FeedPollerTest.rss("s1|Harbour reopens after storm damage repaired"));
      assertEquals(202, fetchNow(api, id).statusCode());
      JsonObject ok = awaitStatus(api, "the feed recovered", status -> "ok".equals(status.getString("state")));
      assertFalse(ok.containsKey("failingSince"));
      assertEquals(0, ok.getInteger("itemsLast24h"), "a first fetch is history, not new items");

      body.set(FeedPollerTest.rss("s1|Harbour reopens after storm damage repaired", "s2|Ferry timetable restored",
        "s3|Fishing fleet returns to port"));
      assertEquals(202, fetchNow(api, id).statusCode());
      awaitStatus(api, "two new items counted", status -> status.getInteger("itemsLast24h") == 2);

      HttpResponse<Buffer> unknown = fetchNow(api, "no-such-feed");
      assertEquals(404, unknown.statusCode());
      assertEquals("no such feed", unknown.bodyAsJsonObject().getString("error"));
    } finally {
      Await.result(server.stop());
      Await.result(feeds.close());
    }
  }

  private static HttpResponse<Buffer> fetchNow(Api api, String id) {
    return Await.result(api.client().post("/api/v1/feeds/" + id + "/fetch").send());
  }

  private static JsonObject awaitStatus(Api api, String what, Predicate<JsonObject> done) {
    AtomicReference<JsonObject> seen = new AtomicReference<>();
    Await.until(what, () -> {
      JsonArray listed = api.get("/api/v1/feeds").bodyAsJsonObject().getJsonArray("feeds");
      seen.set(listed.getJsonObject(0).getJsonObject("status"));
      return done.test(seen.get());
    });
    return seen.get();
  }
}
