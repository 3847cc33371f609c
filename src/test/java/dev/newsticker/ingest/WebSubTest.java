package dev.newsticker.ingest;

import dev.newsticker.model.EventType;
import dev.newsticker.support.Await;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class WebSubTest {
  record Verification(String challenge, int status, String body) {
  }

  @TempDir
  Path dataDir;
  private FeedHarness harness;
  private final List<MultiMap> subscriptions = new CopyOnWriteArrayList<>();
  private final List<Verification> verifications = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    harness = FeedHarness.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    Await.result(harness.close());
  }

  /** A hub that accepts any subscription, then verifies intent at the callback like a real one. */
  private void hubAt(String path) {
    harness.feeds.serve(path, ctx -> {
      MultiMap form = MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().formAttributes());
      subscriptions.add(form);
      ctx.response().setStatusCode(202).end();
      String challenge = "challenge-" + subscriptions.size();
      harness.client.getAbs(form.get("hub.callback"))
        .addQueryParam("hub.mode", form.get("hub.mode"))
        .addQueryParam("hub.topic", form.get("hub.topic"))
        .addQueryParam("hub.challenge", challenge)
        .addQueryParam("hub.lease_seconds", form.get("hub.lease_seconds"))
        .send()
        .onSuccess(r -> verifications.add(new Verification(challenge, r.statusCode(), r.bodyAsString())));
    });
  }

  private static String atom(String bodyHub, String... entries) {
    StringBuilder xml = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Pushed</title>"
      + "<id>urn:pushed</id><updated>2026-11-28T05:00:00Z</updated>");
    if (bodyHub != null) {
      xml.append("<link rel=\"hub\" href=\"").append(bodyHub).append("\"/>");
    }
    for (String entry : entries) {
      xml.append("<entry><id>urn:").append(entry.split("\\|")[0]).append("</id><title>").append(entry.split("\\|")[1])
        .append("</title><updated>2026-11-28T05:00:00Z</updated></entry>");
    }
    return xml.append("</feed>").toString();
  }

  private static String sign(String algorithm, String secret, String body) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<Buffer> notify(String feedId, String signature, String body) {
    var request = harness.client.postAbs(harness.apiUrl("/websub/" + feedId))
      .putHeader("Content-Type", "application/atom+xml");
    if (signature != null) {
      request.putHeader("X-Hub-Signature", signature);
    }
    return Await.result(request.sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void subscribesVerifiesTakesOnlySignedNotificationsRenewsAndPollsSlowly() throws Exception {
    hubAt("/hub");
    hubAt("/body-hub");
    String topic = harness.feeds.url("/topic.xml");
    harness.feeds.serve("/topic.xml", ctx -> ctx.response()
      .putHeader("Content-Type", "application/atom+xml")
      .putHeader("Link", "<" + harness.feeds.url("/hub") + ">; rel=\"hub\", <" + topic + ">; rel=\"self\"")
      .end(atom(harness.feeds.url("/body-hub"), "a1|First pushed story")));
    harness.deployPoller(harness.websub(2, 30));
    String id = harness.addFeed(topic);

    Await.until("a subscription request", () -> !subscriptions.isEmpty());
    MultiMap form = subscriptions.get(0);
    assertEquals("subscribe", form.get("hub.mode"));
    assertEquals(topic, form.get("hub.topic"));
    assertEquals(harness.apiUrl("/websub/" + id), form.get("hub.callback"));
    assertEquals("2", form.get("hub.lease_seconds"));
    String secret = form.get("hub.secret");
    assertTrue(secret != null && secret.length() >= 32, "a secret of our own");
    assertTrue(harness.feeds.requests("/body-hub").isEmpty(), "the Link header wins over the body's hub");

    Await.until("the hub's verification", () -> !verifications.isEmpty());
    assertEquals(200, verifications.get(0).status());
    assertEquals(verifications.get(0).challenge(), verifications.get(0).body());
    Await.until("subscribed", () -> "subscribed".equals(harness.status(id).getJsonObject("websub").getString("state")));

    var wrongTopic = Await.result(harness.client.getAbs(harness.apiUrl("/websub/" + id))
      .addQueryParam("hub.mode", "subscribe").addQueryParam("hub.topic", "http://elsewhere.test/")
      .addQueryParam("hub.challenge", "forged").send());
    assertEquals(404, wrongTopic.statusCode());
    var unknownFeed = Await.result(harness.client.getAbs(harness.apiUrl("/websub/000000000000"))
      .addQueryParam("hub.mode", "subscribe").addQueryParam("hub.topic", topic)
      .addQueryParam("hub.challenge", "forged").send());
    assertEquals(404, unknownFeed.statusCode());

    String pushed = atom(null, "a1|First pushed story", "a2|Second story arrives by push");
    assertEquals(403, notify(id, null, pushed).statusCode(), "unsigned");
    assertEquals(403, notify(id, "sha256=" + sign("HmacSHA256", "not-the-secret", pushed), pushed).statusCode(), "wrong");
    assertEquals(403, notify(id, "md5=abcdef", pushed).statusCode(), "unknown method");
    assertTrue(harness.desk.events.isEmpty(), "rejected notifications reach nobody");
    assertEquals(202, notify(id, "sha256=" + sign("HmacSHA256", secret, pushed), pushed).statusCode());
    Await.until("the pushed story", () -> harness.desk.events(EventType.NEW).size() == 1);
    assertEquals(id + ":urn:a2", harness.desk.events(EventType.NEW).get(0).item().id());
    String third = atom(null, "a3|Third story, signed with sha1");
    assertEquals(202, notify(id, "sha1=" + sign("HmacSHA1", secret, third), third).statusCode());
    Await.until("the sha1-signed story", () -> harness.desk.events(EventType.NEW).size() == 2);

    Await.until("the lease renewed before it expires", () -> subscriptions.size() >= 2 && verifications.size() >= 2);
    assertEquals(200, verifications.get(1).status());
    Await.until("polling falls back to the slow interval", () -> {
      JsonObject status = harness.status(id);
      return Duration.between(Instant.parse(status.getString("lastFetch")), Instant.parse(status.getString("nextFetch")))
        .toSeconds() >= 26;
    });
  }

  @Test
  void hubFromTheFeedBodyWhenNoLinkHeader() {
    hubAt("/hub2");
    harness.feeds.serve("/plain.xml", ctx -> ctx.response().putHeader("Content-Type", "application/atom+xml")
      .end(atom(harness.feeds.url("/hub2"), "b1|Story")));
    harness.deployPoller(harness.websub(3600, 30));
    String id = harness.addFeed(harness.feeds.url("/plain.xml"));
    Await.until("verified", () -> verifications.size() == 1);
    assertEquals(harness.feeds.url("/plain.xml"), subscriptions.get(0).get("hub.topic"), "topic falls back to the feed URL");
    assertEquals(200, verifications.get(0).status());
    Await.until("subscribed", () -> "subscribed".equals(harness.status(id).getJsonObject("websub").getString("state")));
    var replay = Await.result(harness.client.getAbs(harness.apiUrl("/websub/" + id))
      .addQueryParam("hub.mode", "subscribe").addQueryParam("hub.topic", harness.feeds.url("/plain.xml"))
      .addQueryParam("hub.challenge", "again").send());
    assertEquals(404, replay.statusCode(), "a verification nobody asked for is refused");
  }
}
