package dev.newsticker.ingest;

import dev.newsticker.model.EventType;
import dev.newsticker.model.FeedItem;
import dev.newsticker.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class FeedPollerTest {
  private static final String RSS = "application/rss+xml; charset=utf-8";

  @TempDir
  Path dataDir;
  private FeedHarness harness;

  @BeforeEach
  void start(Vertx vertx) {
    harness = FeedHarness.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    Await.result(harness.close());
  }

  static String rss(String... items) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Live</title>");
    for (String item : items) {
      String[] parts = item.split("\\|");
      xml.append("<item><guid>").append(parts[0]).append("</guid><title>").append(parts[1]).append("</title>");
      if (parts.length > 2) {
        xml.append("<description>").append(parts[2]).append("</description>");
      }
      xml.append("</item>");
    }
    return xml.append("</channel></rss>").toString();
  }

  @Test
  void everyFormatIsReadAndAFirstFetchIsHistory() {
    FixtureServer feeds = harness.feeds;
    feeds.serveFixture("/rss091", "rss091.xml", "application/rss+xml");
    feeds.serveFixture("/rss10", "rss10.rdf", "application/rdf+xml");
    feeds.serveFixture("/rss20", "rss20.xml", "application/rss+xml");
    feeds.serveFixture("/atom03", "atom03.xml", "application/atom+xml");
    feeds.serveFixture("/atom10", "atom10.xml", "application/atom+xml");
    feeds.serveFixture("/json", "jsonfeed11.json", "application/feed+json");
    harness.deployPoller(new JsonObject());
    List<String> ids = List.of("/rss091", "/rss10", "/rss20", "/atom03", "/atom10", "/json").stream()
      .map(path -> harness.addFeed(feeds.url(path))).toList();
    Await.until("all six feeds fetched", () -> ids.stream().allMatch(id -> harness.status(id).getString("state").equals("ok")));
    assertEquals(List.of(2, 2, 3, 1, 2, 2), ids.stream().map(id -> harness.status(id).getInteger("items")).toList());
    Await.until("the 12 entries at the desk", () -> harness.desk.items.size() >= 12);
    assertTrue(harness.desk.items.stream().allMatch(FeedItem::history), "a first fetch is history");
    assertTrue(harness.desk.events.isEmpty(), "history announces nothing");
    JsonObject status = harness.status(ids.get(0));
    assertEquals(200, status.getInteger("httpStatus"));
    assertTrue(status.containsKey("lastFetch") && status.containsKey("lastSuccess") && status.containsKey("nextFetch"));
    assertEquals(0, status.getInteger("consecutiveErrors"));
  }

  @Test
  void conditionalGetSendsValidatorsVerbatimAndA304ChangesNothing() {
    String etag = "W/\"v1-abc\"";
    String lastModified = "Fri, 27 Nov 2026 10:00:00 GMT";
    harness.feeds.serve("/cond", ctx -> {
      if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
        ctx.response().setStatusCode(304).end();
      } else {
        ctx.response().putHeader("ETag", etag).putHeader("Last-Modified", lastModified).putHeader("Content-Type", RSS)
          .end(rss("a|Alpha headline"));
      }
    });
    harness.deployPoller(new JsonObject());
    String id = harness.addFeed(harness.feeds.url("/cond"));
    Await.until("a conditional request answered 304", () -> harness.feeds.requests("/cond").size() >= 3);
    List<FixtureServer.Request> requests = harness.feeds.requests("/cond");
    FixtureServer.Request first = requests.get(0);
    assertEquals(null, first.headers().get("If-None-Match"));
    assertEquals(FeedSettings.DEFAULT_USER_AGENT, first.headers().get("User-Agent"));
    assertTrue(first.headers().get("Accept-Encoding").contains("gzip"), first.headers().get("Accept-Encoding"));
    for (FixtureServer.Request later : requests.subList(1, requests.size())) {
      assertEquals(etag, later.headers().get("If-None-Match"));
      assertEquals(lastModified, later.headers().get("If-Modified-Since"));
    }
    Await.until("status shows the 304", () -> Integer.valueOf(304).equals(harness.status(id).getInteger("httpStatus")));
    JsonObject status = harness.status(id);
    assertEquals("ok", status.getString("state"));
    assertEquals(1, status.getInteger("items"));
    assertEquals(1, harness.desk.items.size(), "a 304 hands nothing to the desk");
  }

  @Test
  void anEditedEntryIsAnUpdateAndANewEntryIsNew() {
    AtomicReference<String> body = new AtomicReference<>(rss("e1|Storm hits coast|First report", "e2|Ferry delayed"));
    harness.feeds.serve("/live", ctx -> ctx.response().putHeader("Content-Type", RSS).end(body.get()));
    harness.deployPoller(new JsonObject());
    String id = harness.addFeed(harness.feeds.url("/live"));
    Await.until("history loaded", () -> harness.desk.items.size() == 2);
    body.set(rss("e1|Storm hits coast, 3000 without power|First report", "e2|Ferry delayed", "e3|Schools closed"));
    Await.until("the edit and the new entry", () -> harness.desk.events.size() >= 2);
    DeskStub.Event updated = harness.desk.events(EventType.UPDATED).get(0);
    assertEquals(id + ":e1", updated.item().id());
    assertEquals("Storm hits coast, 3000 without power", updated.item().headline());
    DeskStub.Event fresh = harness.desk.events(EventType.NEW).get(0);
    assertEquals(id + ":e3", fresh.item().id());
    assertTrue(!updated.item().history() && !fresh.item().history());
    assertEquals(4, harness.desk.items.size(), "the unchanged entry is not sent again");
    body.set(rss("e1|Storm hits coast, 3000 without power|Second report", "e2|Ferry delayed", "e3|Schools closed"));
    Await.until("a summary edit", () -> harness.desk.events(EventType.UPDATED).size() == 2);
    assertEquals("Second report", harness.desk.events(EventType.UPDATED).get(1).item().summary());
  }

  @Test
  void feedsFromConfigurationArePolledAndARestartIsNotAFirstFetch() {
    AtomicReference<String> body = new AtomicReference<>(rss("c1|Configured feed story"));
    harness.feeds.serve("/configured", ctx -> ctx.response().putHeader("ETag", "\"e-" + body.get().length() + "\"")
      .putHeader("Content-Type", RSS).end(body.get()));
    JsonObject config = new JsonObject().put("urls", harness.feeds.url("/configured"));
    harness.deployPoller(config);
    Await.until("history loaded", () -> harness.desk.items.size() == 1);
    harness.undeployPoller();
    body.set(rss("c1|Configured feed story", "c2|Arrived while the server was down"));
    int before = harness.feeds.requests("/configured").size();
    harness.deployPoller(config);
    Await.until("the entry that arrived meanwhile", () -> harness.desk.events(EventType.NEW).size() == 1);
    assertEquals("Arrived while the server was down", harness.desk.events(EventType.NEW).get(0).item().headline());
    assertEquals(2, harness.desk.items.size(), "the old entry is not resent after a restart");
    assertTrue(harness.feeds.requests("/configured").get(before).headers().get("If-None-Match") != null,
      "validators survive the restart");
  }

  @Test
  void routesValidateAndNeedThePublisher() throws Exception {
    Files.writeString(dataDir.resolve("feeds.json"), "{ not json");
    harness.deployPoller(new JsonObject());
    assertEquals(400, harness.addFeed(new JsonObject()).statusCode());
    assertEquals("url is required", harness.addFeed(new JsonObject()).bodyAsJsonObject().getString("error"));
    assertEquals(400, harness.addFeed(new JsonObject().put("url", "ftp://x.test/feed")).statusCode());
    assertEquals(400, harness.addFeed(new JsonObject().put("url", "http://x.test/").put("intervalSeconds", "often"))
      .statusCode());
    var notJson = Await.result(harness.client.postAbs(harness.apiUrl("/api/v1/feeds"))
      .bearerTokenAuthentication(FeedHarness.TOKEN).sendBuffer(io.vertx.core.buffer.Buffer.buffer("nope")));
    assertEquals(400, notJson.statusCode());
    var anonymous = Await.result(harness.client.postAbs(harness.apiUrl("/api/v1/feeds"))
      .sendJsonObject(new JsonObject().put("url", harness.feeds.url("/x"))));
    assertEquals(401, anonymous.statusCode());

    var created = harness.addFeed(new JsonObject().put("url", harness.feeds.url("/x")).put("source", "X Wire")
      .put("category", "world").put("intervalSeconds", 60));
    assertEquals(201, created.statusCode());
    String id = created.bodyAsJsonObject().getString("id");
    assertEquals("X Wire", created.bodyAsJsonObject().getString("source"));
    assertEquals("/api/v1/feeds/" + id, created.getHeader("Location"));
    assertEquals(409, harness.addFeed(new JsonObject().put("url", harness.feeds.url("/x"))).statusCode());

    var anonymousDelete = Await.result(harness.client.deleteAbs(harness.apiUrl("/api/v1/feeds/" + id)).send());
    assertEquals(401, anonymousDelete.statusCode());
    var deleted = Await.result(harness.client.deleteAbs(harness.apiUrl("/api/v1/feeds/" + id))
      .bearerTokenAuthentication(FeedHarness.TOKEN).send());
    assertEquals(204, deleted.statusCode());
    assertTrue(harness.feed(id).isEmpty());
    var again = Await.result(harness.client.deleteAbs(harness.apiUrl("/api/v1/feeds/" + id))
      .bearerTokenAuthentication(FeedHarness.TOKEN).send());
    assertEquals(404, again.statusCode());
  }

  @Test
  void oneFetchAtATimePerHost(Vertx vertx) {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    for (String path : List.of("/a", "/b", "/c")) {
      harness.feeds.serve(path, ctx -> {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        vertx.setTimer(200, t -> {
          inFlight.decrementAndGet();
          ctx.response().putHeader("Content-Type", RSS).end(rss(path.substring(1) + "|Story " + path));
        });
      });
    }
    harness.deployPoller(new JsonObject());
    List<String> ids = List.of("/a", "/b", "/c").stream().map(p -> harness.addFeed(harness.feeds.url(p))).toList();
    Await.until("each feed fetched twice", () -> List.of("/a", "/b", "/c").stream()
      .allMatch(p -> harness.feeds.requests(p).size() >= 2));
    assertEquals(1, most.get(), "never two fetches at once on one host");
    assertTrue(ids.stream().allMatch(id -> harness.status(id).getString("state").equals("ok")));
  }
}
