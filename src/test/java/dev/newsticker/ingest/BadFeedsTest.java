package dev.newsticker.ingest;

import dev.newsticker.model.EventType;
import dev.newsticker.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class BadFeedsTest {
  private static final long FIFTY_MB = 50L << 20;

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

  @Test
  void badFeedsFailWithTheirReasonAndNeverHoldUpOthers() {
    FixtureServer bad = harness.feeds;
    bad.serve("/slow", ctx -> { });
    bad.serveFixture("/malformed", "malformed.xml", "application/rss+xml");
    bad.serveFixture("/html", "page.html", "text/html");
    bad.serveFixture("/laughs", "billion-laughs.xml", "application/rss+xml");
    List<AtomicLong> hugeSent = new CopyOnWriteArrayList<>();
    AtomicBoolean hugeClosed = new AtomicBoolean();
    bad.serve("/huge", ctx -> {
      AtomicLong sent = new AtomicLong();
      hugeSent.add(sent);
      stream50Mb(ctx.response(), sent, hugeClosed);
    });
    bad.serve("/loop-a", ctx -> ctx.response().setStatusCode(302).putHeader("Location", "/loop-b").end());
    bad.serve("/loop-b", ctx -> ctx.response().setStatusCode(301).putHeader("Location", bad.url("/loop-a")).end());
    for (int i = 1; i <= 7; i++) {
      String next = i == 7 ? "/rss" : "/hop" + (i + 1);
      bad.serve("/hop" + i, ctx -> ctx.response().setStatusCode(307).putHeader("Location", next).end());
    }
    bad.serveFixture("/rss", "rss20.xml", "application/rss+xml");
    bad.serve("/busy", ctx -> ctx.response().setStatusCode(429).putHeader("Retry-After", "120").end());

    AtomicInteger round = new AtomicInteger();
    harness.otherHost.serve("/good", ctx -> {
      StringBuilder items = new StringBuilder();
      int last = round.getAndIncrement();
      for (int i = 0; i <= last; i++) {
        items.append("<item><guid>g").append(i).append("</guid><title>Good story ").append(i).append("</title></item>");
      }
      ctx.response().putHeader("Content-Type", "application/rss+xml")
        .end("<rss version=\"2.0\"><channel><title>Good</title>" + items + "</channel></rss>");
    });

    harness.deployPoller(new JsonObject().put("timeoutSeconds", 5).put("idleTimeoutSeconds", 10));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/missing", "HTTP 404 Not Found");
    expected.put("/slow", "timed out after 5 s");
    expected.put("/malformed", "malformed feed");
    expected.put("/html", "not a feed: the server sent an HTML page");
    expected.put("/laughs", "DOCTYPE");
    expected.put("/huge", "body larger than 15728640 bytes");
    expected.put("/loop-a", "redirect loop at " + bad.url("/loop-a"));
    expected.put("/hop1", "more than 5 redirects");
    expected.put("/busy", "HTTP 429 Too Many Requests");
    Map<String, String> ids = new LinkedHashMap<>();
    expected.keySet().forEach(path -> ids.put(path, harness.addFeed(bad.url(path))));
    String good = harness.addFeed(harness.otherHost.url("/good"));
    String fiveHops = harness.addFeed(bad.url("/hop3"));

    Await.until("every bad feed failing", () -> ids.values().stream()
      .allMatch(id -> harness.status(id).getInteger("consecutiveErrors") >= 1));
    ids.forEach((path, id) -> {
      JsonObject status = harness.status(id);
      assertEquals("failing", status.getString("state"), path);
      assertTrue(status.getString("lastError").contains(expected.get(path)), path + ": " + status.getString("lastError"));
    });
    assertEquals(404, harness.status(ids.get("/missing")).getInteger("httpStatus"));
    JsonObject busy = harness.status(ids.get("/busy"));
    Duration wait = Duration.between(Instant.parse(busy.getString("lastFetch")), Instant.parse(busy.getString("nextFetch")));
    assertTrue(wait.toSeconds() >= 115, "Retry-After: 120 honoured, next fetch in " + wait);
    Await.until("the big body's connection closed", hugeClosed::get);
    long sent = hugeSent.get(0).get();
    assertTrue(sent < FIFTY_MB, "the 50 MB body was cut while streaming, after " + sent + " bytes");

    Await.until("the good feed kept its pace", () -> harness.desk.events(EventType.NEW).size() >= 3);
    assertEquals("ok", harness.status(good).getString("state"));
    Await.until("five redirects are fine", () -> "ok".equals(harness.status(fiveHops).getString("state")));
    Await.until("failing feeds are retried", () -> harness.status(ids.get("/missing")).getInteger("consecutiveErrors") >= 2);
  }

  /** 50 MB of incompressible bytes, each chunk written once the previous one left, until the client hangs up. */
  private static void stream50Mb(HttpServerResponse response, AtomicLong sent, AtomicBoolean closed) {
    byte[] noise = new byte[256 * 1024];
    new Random(7).nextBytes(noise);
    Buffer chunk = Buffer.buffer(noise);
    // identity: the server's gzip would spend the test's time compressing noise.
    response.setChunked(true).putHeader("Content-Type", "application/rss+xml").putHeader("Content-Encoding", "identity");
    response.closeHandler(v -> closed.set(true));
    response.write("<rss version=\"2.0\"><channel><title>").onSuccess(v -> pump(response, chunk, sent, closed));
  }

  private static void pump(HttpServerResponse response, Buffer chunk, AtomicLong sent, AtomicBoolean closed) {
    if (closed.get()) {
      return;
    }
    if (sent.get() >= FIFTY_MB) {
      response.end();
      return;
    }
    sent.addAndGet(chunk.length());
    response.write(chunk).onComplete(ar -> {
      if (ar.failed()) {
        closed.set(true);
      } else {
        pump(response, chunk, sent, closed);
      }
    });
  }
}
