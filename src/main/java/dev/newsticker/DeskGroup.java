package dev.newsticker;

import dev.newsticker.cluster.LeaderGroup;
import dev.newsticker.config.ConfigReader;
import dev.newsticker.config.Settings;
import dev.newsticker.desk.DeskClient;
import dev.newsticker.desk.DoubtSettings;
import dev.newsticker.desk.MatcherSettings;
import dev.newsticker.desk.SemanticSettings;
import dev.newsticker.desk.StoryDeskVerticle;
import dev.newsticker.ingest.DemoSourceVerticle;
import dev.newsticker.ingest.DropFolderVerticle;
import dev.newsticker.ingest.FeedPollerVerticle;
import dev.newsticker.ingest.FeedSettings;
import dev.newsticker.store.StoryStore;
import dev.newsticker.store.StoryStores;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The verticles that must run on exactly one node at a time: the desk (the store's only
 * writer), retention, and the sources that feed the desk. A single node deploys it at start-up;
 * in a cluster, the node holding desk leadership does.
 */
public final class DeskGroup implements LeaderGroup {
  private final Vertx vertx;
  private final List<Supplier<Deployable>> members = new ArrayList<>();
  private final List<String> deployed = new ArrayList<>();

  public DeskGroup(Vertx vertx, Settings settings, StoryStore store, FeedSettings feeds, MeterRegistry meters) {
    this.vertx = vertx;
    ConfigReader desk = new ConfigReader(settings.section("desk"), "desk");
    MatcherSettings matching = MatcherSettings.from(desk);
    SemanticSettings semantic = SemanticSettings.from(desk);
    Clock clock = Clock.systemUTC();
    DeskClient client = DeskClient.from(vertx, settings);
    Duration breakingFor = Duration.ofMinutes(desk.integer("breakingMinutes", 60, 1, 7 * 24 * 60));
    DoubtSettings doubts = DoubtSettings.from(desk);
    AtomicInteger held = new AtomicInteger();
    Gauge.builder("newsticker_desk_stories", held, AtomicInteger::get)
      .description("Stories the desk holds for matching: its window, at most desk.maxStories")
      .strongReference(true)
      .register(meters);
    members.add(() -> new StoryDeskVerticle(store, matching, () -> semantic.newMatcher(matching, clock), clock,
      breakingFor, doubts, held::set));
    members.add(() -> StoryStores.retention(store, settings));
    members.add(() -> new FeedPollerVerticle(feeds, meters, client));
    if (feeds.dropFolder() != null) {
      members.add(() -> new DropFolderVerticle(feeds, client));
    }
    if (settings.demo()) {
      members.add(() -> new DemoSourceVerticle(settings.demoPerMinute(), client));
    }
  }

  /** Deploys every member in order; the desk first, so the sources find it. */
  @Override
  public Future<Void> deploy() {
    Future<Void> chain = Future.succeededFuture();
    for (Supplier<Deployable> member : members) {
      chain = chain.compose(previous -> vertx.deployVerticle(member.get()).map(id -> {
        deployed.add(id);
        return null;
      }));
    }
    return chain;
  }

  /** Undeploys what is deployed, sources first. */
  @Override
  public Future<Void> undeploy() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployed.size() - 1; i >= 0; i--) {
      String id = deployed.get(i);
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.onComplete(done -> deployed.clear());
  }
}
