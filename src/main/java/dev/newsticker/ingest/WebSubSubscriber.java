package dev.newsticker.ingest;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The subscriber side of WebSub: subscribes a feed at its hub with a secret of its own, answers the hub's
 * verification of intent only for a request it made, checks the HMAC signature of every notification,
 * and renews a lease when 80% of it has run. Confined to the poller's event loop.
 */
final class WebSubSubscriber {
  private static final Logger log = LoggerFactory.getLogger(WebSubSubscriber.class);
  private static final Duration STALE_REQUEST = Duration.ofMinutes(10);
  private static final Map<String, String> HMACS = Map.of(
    "sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

  private final Vertx vertx;
  private final FeedSettings.WebSub settings;
  private final Runnable changed;
  private final WebClient client;
  private final SecureRandom random = new SecureRandom();
  /** Feed id → topic, for unsubscriptions of feeds already deleted. */
  private final Map<String, String> unsubscribing = new HashMap<>();

  WebSubSubscriber(Vertx vertx, FeedSettings settings, Runnable changed) {
    this.vertx = vertx;
    this.settings = settings.websub();
    this.changed = changed;
    this.client = WebClient.create(vertx, new WebClientOptions()
      .setUserAgent(settings.userAgent())
      .setConnectTimeout(settings.connectTimeoutSeconds() * 1000)
      .setIdleTimeout(settings.idleTimeoutSeconds()));
  }

  /** After a successful fetch: subscribe when the feed names a hub and no subscription covers it. */
  void consider(FeedState feed, String hub, String topic) {
    if (!settings.enabled() || hub == null || topic == null) {
      return;
    }
    WebSubState ws = feed.websub;
    boolean same = hub.equals(ws.hub) && topic.equals(ws.topic);
    boolean waiting = ws.requestedAt != null && ws.requestedAt.plus(STALE_REQUEST).isAfter(Instant.now());
    if (same && (ws.active() || waiting || ws.phase == WebSubState.Phase.DENIED)) {
      return;
    }
    ws.hub = hub;
    ws.topic = topic;
    subscribe(feed);
  }

  /** Re-arms renewal timers for subscriptions that survived a restart. */
  void restore(FeedState feed) {
    if (feed.websub.active()) {
      scheduleRenewal(feed);
    }
  }

  private void subscribe(FeedState feed) {
    WebSubState ws = feed.websub;
    if (ws.secret == null) {
      byte[] secret = new byte[24];
      random.nextBytes(secret);
      ws.secret = HexFormat.of().formatHex(secret);
    }
    if (!ws.active()) {
      ws.phase = WebSubState.Phase.PENDING;
    }
    ws.requestedAt = Instant.now();
    changed.run();
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
      .add("hub.callback", settings.callbackBaseUrl() + "/websub/" + feed.id())
      .add("hub.mode", "subscribe")
      .add("hub.topic", ws.topic)
      .add("hub.secret", ws.secret)
      .add("hub.lease_seconds", String.valueOf(settings.leaseSeconds()));
    client.postAbs(ws.hub).sendForm(form).onComplete(ar -> {
      int status = ar.succeeded() ? ar.result().statusCode() : 0;
      if (status < 200 || status > 299) {
        ws.phase = ws.active() ? ws.phase : WebSubState.Phase.FAILED;
        ws.error = ar.succeeded() ? "hub answered HTTP " + status : FeedFetcher.describe(ar.cause());
        ws.requestedAt = null;
        log.warn("WebSub subscription of {} at {} failed: {}", ws.topic, ws.hub, ws.error);
        changed.run();
      }
    });
  }

  /**
   * The hub's GET verification of intent. Returns the challenge to echo, or null (answer 404) when we did not
   * ask for this: unknown feed, no pending request, or another topic.
   */
  String verify(String feedId, FeedState feed, String mode, String topic, String challenge, Long leaseSeconds) {
    if (challenge == null || topic == null) {
      return null;
    }
    if ("unsubscribe".equals(mode)) {
      return topic.equals(unsubscribing.remove(feedId)) ? challenge : null;
    }
    if (feed == null || !topic.equals(feed.websub.topic)) {
      return null;
    }
    WebSubState ws = feed.websub;
    if ("denied".equals(mode)) {
      ws.phase = WebSubState.Phase.DENIED;
      ws.requestedAt = null;
      ws.error = "hub denied the subscription";
      changed.run();
      return "";
    }
    if (!"subscribe".equals(mode) || ws.requestedAt == null) {
      return null;
    }
    long lease = leaseSeconds == null || leaseSeconds <= 0 ? settings.leaseSeconds() : leaseSeconds;
    ws.phase = WebSubState.Phase.SUBSCRIBED;
    ws.requestedAt = null;
    ws.error = null;
    ws.leaseExpires = Instant.now().plusSeconds(lease);
    scheduleRenewal(feed);
    changed.run();
    log.info("WebSub subscription of {} verified for {} s", ws.topic, lease);
    return challenge;
  }

  /** True when the X-Hub-Signature header is an HMAC of the body with this feed's secret. */
  boolean signed(FeedState feed, String header, Buffer body) {
    if (header == null || feed.websub.secret == null || !header.contains("=")) {
      return false;
    }
    String method = header.substring(0, header.indexOf('=')).trim().toLowerCase();
    String algorithm = HMACS.get(method);
    if (algorithm == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(feed.websub.secret.getBytes(StandardCharsets.UTF_8), algorithm));
      byte[] expected = mac.doFinal(body.getBytes());
      byte[] given = HexFormat.of().parseHex(header.substring(header.indexOf('=') + 1).trim().toLowerCase());
      return MessageDigest.isEqual(expected, given);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  /** A deleted feed: stop renewing and tell the hub (best effort). */
  void unsubscribe(FeedState feed) {
    WebSubState ws = feed.websub;
    vertx.cancelTimer(ws.renewTimer);
    if (!settings.enabled() || ws.hub == null || ws.phase == WebSubState.Phase.NONE) {
      return;
    }
    unsubscribing.put(feed.id(), ws.topic);
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
      .add("hub.callback", settings.callbackBaseUrl() + "/websub/" + feed.id())
      .add("hub.mode", "unsubscribe")
      .add("hub.topic", ws.topic);
    client.postAbs(ws.hub).sendForm(form)
      .onFailure(e -> log.info("WebSub unsubscription of {} failed: {}", ws.topic, e.getMessage()));
  }

  private void scheduleRenewal(FeedState feed) {
    WebSubState ws = feed.websub;
    vertx.cancelTimer(ws.renewTimer);
    long remaining = Duration.between(Instant.now(), ws.leaseExpires).toMillis();
    ws.renewTimer = vertx.setTimer(Math.max(1, remaining * 4 / 5), id -> {
      if (!feed.removed) {
        subscribe(feed);
      }
    });
  }

  void close() {
    client.close();
  }
}
