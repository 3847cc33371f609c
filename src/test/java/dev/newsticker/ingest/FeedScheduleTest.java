package dev.newsticker.ingest;

import dev.newsticker.config.ConfigException;
import dev.newsticker.config.ConfigReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedScheduleTest {
  private static final Instant NOW = Instant.parse("2026-11-28T05:00:00Z");

  private static FeedSettings settings(int min, int max, int backoffMax) {
    return FeedSettings.parse(new ConfigReader(new JsonObject().put("minIntervalSeconds", min)
      .put("maxIntervalSeconds", max).put("backoffMaxSeconds", backoffMax), "feeds"), Path.of("data"), 400);
  }

  private static FeedState feed(Integer interval) {
    return new FeedState(FeedDefinition.of("http://127.0.0.1/x", null, null, interval, false));
  }

  private static void assertAbout(long seconds, Duration actual) {
    long ms = actual.toMillis();
    assertTrue(ms >= seconds * 900 && ms <= seconds * 1100, "expected about " + seconds + " s ±10%, got " + actual);
  }

  @Test
  void intervalFollowsHowOftenItemsArrive() {
    FeedSchedule schedule = new FeedSchedule(settings(60, 3600, 21600));
    FeedState feed = feed(null);
    feed.firstSuccess = NOW.minusSeconds(7200);
    for (int i = 6; i >= 0; i--) {
      feed.arrived(NOW.minusSeconds(i * 1200L));
    }
    assertAbout(600, schedule.afterSuccess(feed, Duration.ZERO, NOW));
  }

  @Test
  void quietFeedsSlowDownUpToTheMaximum() {
    FeedSchedule schedule = new FeedSchedule(settings(60, 3600, 21600));
    FeedState feed = feed(null);
    feed.firstSuccess = NOW.minusSeconds(2000);
    assertAbout(500, schedule.afterSuccess(feed, Duration.ZERO, NOW));
    feed.firstSuccess = NOW.minusSeconds(100_000);
    assertAbout(3600, schedule.afterSuccess(feed, Duration.ZERO, NOW));
  }

  @Test
  void serverHintsRaiseTheIntervalWithinTheClamp() {
    FeedSchedule schedule = new FeedSchedule(settings(60, 3600, 21600));
    FeedState feed = feed(null);
    feed.firstSuccess = NOW;
    assertAbout(60, schedule.afterSuccess(feed, Duration.ZERO, NOW));
    assertAbout(900, schedule.afterSuccess(feed, Duration.ofMinutes(15), NOW));
    assertAbout(3600, schedule.afterSuccess(feed, Duration.ofHours(5), NOW));
    assertAbout(300, schedule.afterSuccess(feed(300), Duration.ZERO, NOW));
  }

  @Test
  void errorsBackOffExponentiallyToTheCapAndHonourRetryAfter() {
    FeedSchedule schedule = new FeedSchedule(settings(60, 3600, 7200));
    FeedState feed = feed(null);
    feed.consecutiveErrors = 1;
    assertAbout(60, schedule.afterError(feed, null));
    feed.consecutiveErrors = 3;
    assertAbout(240, schedule.afterError(feed, null));
    feed.consecutiveErrors = 40;
    assertAbout(7200, schedule.afterError(feed, null));
    feed.consecutiveErrors = 1;
    assertEquals(Duration.ofSeconds(5000), schedule.afterError(feed, Duration.ofSeconds(5000)));
    assertEquals(Duration.ofDays(1), schedule.afterError(feed, Duration.ofDays(30)));
  }

  @Test
  void headers() {
    assertEquals(Duration.ofSeconds(120), ResponseHints.retryAfter("120", NOW));
    assertEquals(Duration.ofSeconds(90), ResponseHints.retryAfter("Sat, 28 Nov 2026 05:01:30 GMT", NOW));
    assertNull(ResponseHints.retryAfter("soon", NOW));
    assertEquals(Duration.ofSeconds(600), ResponseHints.freshFor("public, max-age=600", null, NOW));
    assertEquals(Duration.ofHours(1), ResponseHints.freshFor("no-cache", "Sat, 28 Nov 2026 06:00:00 GMT", NOW));
    assertEquals(Duration.ZERO, ResponseHints.freshFor(null, "garbage", NOW));
    List<String> links = List.of("<http://x.test/feed>; rel=\"self\", <http://hub.test/>; rel=\"hub\"");
    assertEquals("http://hub.test/", ResponseHints.link(links, "hub"));
    assertEquals("http://x.test/feed", ResponseHints.link(links, "self"));
    assertNull(ResponseHints.link(List.of(), "hub"));
  }

  @Test
  void settingsFromConfigAndEnvironmentStyleValues() {
    FeedSettings parsed = FeedSettings.parse(new ConfigReader(new JsonObject()
      .put("urls", "http://a.test/rss, https://b.test/atom")
      .put("minIntervalSeconds", "1")
      .put("list", new JsonArray().add(new JsonObject().put("url", "http://c.test/feed")
        .put("source", "C News").put("category", "world").put("intervalSeconds", 600))), "feeds"), Path.of("d"), 400);
    assertEquals(1, parsed.minIntervalSeconds());
    assertEquals(List.of("http://c.test/feed", "http://a.test/rss", "https://b.test/atom"),
      parsed.feeds().stream().map(FeedDefinition::url).toList());
    assertEquals("C News", parsed.feeds().get(0).source());
    assertEquals("a.test", parsed.feeds().get(1).source());
    assertEquals(Path.of("d", "feeds.json"), parsed.stateFile());
    assertEquals(FeedSettings.DEFAULT_USER_AGENT, parsed.userAgent());
    assertEquals(20, parsed.timeoutSeconds());
    assertEquals(15 << 20, parsed.maxBodyBytes());
  }

  @Test
  void badFeedSettingsNameTheSetting() {
    var e = assertThrows(ConfigException.class,
      () -> FeedSettings.parse(new ConfigReader(new JsonObject().put("urls", "gopher://old.test/"), "feeds"),
        Path.of("d"), 400));
    assertTrue(e.getMessage().contains("feeds.urls (NEWSTICKER_FEEDS)"), e.getMessage());
    var list = assertThrows(ConfigException.class,
      () -> FeedSettings.parse(new ConfigReader(new JsonObject().put("list",
        new JsonArray().add(new JsonObject().put("source", "no url"))), "feeds"), Path.of("d"), 400));
    assertTrue(list.getMessage().contains("feeds.list[0]") && list.getMessage().contains("url is required"),
      list.getMessage());
  }
}
