package dev.newsticker.ingest;

import dev.newsticker.support.Await;
import dev.newsticker.support.Corpus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed cases of the bad-input corpus, served by a fixture server and polled at once: each
 * feed ends up failing with a reason, nothing of it reaches the desk, and a good feed polled
 * alongside keeps working.
 */
class BadFeedCorpusTest {
  @TempDir
  Path dataDir;
  private Vertx vertx;
  private FeedHarness harness;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    harness = FeedHarness.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    Await.result(harness.close());
    Await.result(vertx.close());
  }

  @Test
  void everyBadFeedFailsAndNothingReachesTheDesk() {
    Map<String, String> ids = new LinkedHashMap<>();
    Corpus.cases("feed").forEach(c -> {
      String path = "/corpus/" + ids.size();
      Buffer content = c.containsKey("fixture") ? Fixtures.feed(c.getString("fixture")) : Corpus.payload(c);
      harness.feeds.serve(path, ctx -> ctx.response().setStatusCode(c.getInteger("httpStatus"))
        .putHeader("Content-Type", c.getString("contentType")).end(content));
      ids.put(c.getString("name"), path);
    });
    harness.otherHost.serveFixture("/good", "rss20.xml", "application/rss+xml");
    harness.deployPoller(new JsonObject());
    ids.replaceAll((name, path) -> harness.addFeed(harness.feeds.url(path)));
    String good = harness.addFeed(harness.otherHost.url("/good"));

    // One fetch at a time per host, and all of these share one: give the slowest its turn.
    Await.until("every corpus feed fetched", Duration.ofSeconds(120), () -> ids.values().stream()
      .allMatch(id -> harness.status(id).getInteger("consecutiveErrors", 0) >= 1));
    ids.forEach((name, id) -> {
      JsonObject status = harness.status(id);
      assertEquals("failing", status.getString("state"), name + ": " + status.encode());
      assertTrue(status.getString("lastError", "").length() > 3, name + ": " + status.encode());
    });
    Await.until("the good feed fetched", () -> "ok".equals(harness.status(good).getString("state")));
    assertTrue(harness.desk.items.stream().allMatch(item -> item.id() == null || item.id().startsWith(good)),
      "only the good feed's entries reached the desk: " + harness.desk.items);
  }
}
