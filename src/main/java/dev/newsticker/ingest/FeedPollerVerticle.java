package dev.newsticker.ingest;

import dev.newsticker.desk.DeskClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Polls every feed on its own timer and hands new and edited entries to the desk. Feeds are added and
 * removed over {@link FeedAddresses}; WebSub verifications and notifications arrive there too. Deploy one
 * instance per node.
 */
public class FeedPollerVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(FeedPollerVerticle.class);

  private final FeedSettings settings;
  private final MeterRegistry meters;
  private final DeskClient desk;
  private FeedRegistry registry;
  private FeedFetcher fetcher;
  private FeedCycle cycle;
  private FeedSchedule schedule;
  private WebSubSubscriber websub;

  public FeedPollerVerticle(FeedSettings settings, DeskClient desk) {
    this(settings, new SimpleMeterRegistry(), desk);
  }

  /**
   * Counts every fetch on {@code meters} as {@code newsticker_feed_fetches{outcome}}, and every refused document
   * as {@code newsticker_feed_refusals{kind}}.
   */
  public FeedPollerVerticle(FeedSettings settings, MeterRegistry meters, DeskClient desk) {
    this.settings = settings;
    this.meters = meters;
    this.desk = desk;
  }

  @Override
  public Future<?> start() {
    fetcher = new FeedFetcher(vertx, settings);
    cycle = new FeedCycle(vertx, fetcher, new FeedParser(settings.headlineChars()), desk);
    schedule = new FeedSchedule(settings);
    return FeedRegistry.load(vertx, settings).compose(loaded -> {
      registry = loaded;
      websub = new WebSubSubscriber(vertx, settings, registry::changed);
      for (FeedState feed : registry.all()) {
        websub.restore(feed);
        Instant planned = feed.nextFetch;
        long spread = ThreadLocalRandom.current().nextLong(Math.min(2000, settings.minIntervalSeconds() * 1000L));
        boolean later = planned != null && planned.isAfter(Instant.now());
        // Politeness survives restarts: a feed not due yet waits; due ones start spread over two seconds.
        planPoll(feed, later ? Duration.between(Instant.now(), planned) : Duration.ofMillis(spread));
      }
      log.info("Polling {} feeds", registry.all().size());
      return Future.all(List.of(
        consume(FeedAddresses.LIST, this::list),
        consume(FeedAddresses.ADD, this::add),
        consume(FeedAddresses.REMOVE, this::remove),
        consume(FeedAddresses.FETCH, this::fetchNow),
        consume(FeedAddresses.WEBSUB_VERIFY, this::verify),
        consume(FeedAddresses.WEBSUB_NOTIFY, this::notification)));
    });
  }

  @Override
  public Future<?> stop() {
    registry.all().forEach(feed -> {
      vertx.cancelTimer(feed.timerId);
      vertx.cancelTimer(feed.websub.renewTimer);
    });
    fetcher.close();
    websub.close();
    return registry.save();
  }

  private <T> Future<Void> consume(String address, io.vertx.core.Handler<Message<T>> handler) {
    MessageConsumer<T> consumer = vertx.eventBus().consumer(address, handler);
    return consumer.completion();
  }

  private void planPoll(FeedState feed, Duration delay) {
    vertx.cancelTimer(feed.timerId);
    feed.nextFetch = Instant.now().plus(delay);
    feed.timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> poll(feed));
  }

  private void poll(FeedState feed) {
    feed.timerId = -1;
    cycle.poll(feed).onComplete(ar -> {
      if (!feed.removed) {
        record(feed, ar.result());
      }
    });
  }

  private void record(FeedState feed, FeedCycle.Outcome outcome) {
    count(outcome);
    Instant now = Instant.now();
    feed.lastFetch = now;
    feed.httpStatus = outcome.httpStatus();
    Duration delay;
    if (outcome.ok()) {
      feed.lastSuccess = now;
      feed.consecutiveErrors = 0;
      feed.lastError = null;
      feed.failingSince = null;
      websub.consider(feed, outcome.hub(), outcome.topic());
      delay = schedule.afterSuccess(feed, outcome.freshFor(), now);
    } else {
      if (feed.consecutiveErrors++ == 0) {
        feed.failingSince = now;
      }
      feed.lastError = outcome.error();
      delay = schedule.afterError(feed, outcome.retryAfter());
      log.info("Feed {} ({}) failed {} time(s): {}", feed.id(), feed.definition.url(), feed.consecutiveErrors,
        outcome.error());
    }
    planPoll(feed, delay);
    registry.changed();
  }

  private void count(FeedCycle.Outcome outcome) {
    Integer status = outcome.httpStatus();
    String name = !outcome.ok() ? "error" : status != null && status == 304 ? "not_modified" : "ok";
    meters.counter("newsticker_feed_fetches", "outcome", name).increment();
    if (outcome.refusal() != null) {
      meters.counter("newsticker_feed_refusals", "kind", outcome.refusal()).increment();
    }
  }

  private void list(Message<JsonObject> message) {
    message.reply(new JsonObject()
      .put("feeds", new JsonArray(registry.all().stream().map(FeedState::toApiJson).toList())));
  }

  private void add(Message<JsonObject> message) {
    FeedDefinition definition;
    try {
      definition = FeedDefinition.fromRequest(message.body() == null ? new JsonObject() : message.body());
    } catch (IllegalArgumentException e) {
      message.fail(400, e.getMessage());
      return;
    }
    if (registry.get(definition.id()) != null) {
      message.fail(409, "feed " + definition.url() + " is already polled as " + definition.id());
      return;
    }
    FeedState feed = new FeedState(definition);
    registry.add(feed);
    planPoll(feed, Duration.ZERO);
    message.reply(feed.toApiJson());
  }

  private void remove(Message<JsonObject> message) {
    FeedState feed = registry.remove(message.body().getString("id", ""));
    if (feed == null) {
      message.fail(404, "no such feed");
      return;
    }
    feed.removed = true;
    vertx.cancelTimer(feed.timerId);
    websub.unsubscribe(feed);
    message.reply(new JsonObject());
  }

  /** Polls the feed now, keeping its schedule's rules from then on; a fetch already under way counts as now. */
  private void fetchNow(Message<JsonObject> message) {
    FeedState feed = registry.get(message.body().getString("id", ""));
    if (feed == null) {
      message.fail(404, "no such feed");
      return;
    }
    boolean underWay = feed.timerId == -1;
    if (!underWay) {
      planPoll(feed, Duration.ZERO);
    }
    message.reply(feed.toApiJson());
  }

  private void verify(Message<JsonObject> message) {
    JsonObject body = message.body();
    String feedId = body.getString("feedId");
    Object lease = body.getValue("leaseSeconds");
    Long leaseSeconds = lease instanceof Number n ? n.longValue() : null;
    String challenge = websub.verify(feedId, registry.get(feedId), body.getString("mode"), body.getString("topic"),
      body.getString("challenge"), leaseSeconds);
    if (challenge == null) {
      message.fail(404, "no pending subscription for this feed and topic");
    } else {
      message.reply(new JsonObject().put("challenge", challenge));
    }
  }

  private void notification(Message<Buffer> message) {
    FeedState feed = registry.get(message.headers().get("feedId"));
    if (feed == null) {
      message.fail(404, "no such feed");
      return;
    }
    if (!websub.signed(feed, message.headers().get("signature"), message.body())) {
      message.fail(403, "missing or wrong X-Hub-Signature");
      return;
    }
    Instant now = Instant.now();
    cycle.ingest(feed, message.body(), message.headers().get("contentType"), now)
      .onSuccess(parsed -> {
        feed.lastFetch = now;
        feed.lastSuccess = now;
        registry.changed();
      })
      .onFailure(e -> log.info("WebSub notification for {} not ingested: {}", feed.id(), e.getMessage()));
    // The hub only needs to know we took the body; what we make of it is our business.
    message.reply(new JsonObject());
  }
}
