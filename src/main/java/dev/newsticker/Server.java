package dev.newsticker;

import dev.newsticker.api.FeedRoutes;
import dev.newsticker.api.HttpParts;
import dev.newsticker.api.HttpVerticle;
import dev.newsticker.cluster.ClusterSettings;
import dev.newsticker.cluster.DeskLeadership;
import dev.newsticker.config.Settings;
import dev.newsticker.desk.DeskClient;
import dev.newsticker.guard.Guards;
import dev.newsticker.http.VertxInternals;
import dev.newsticker.ingest.FeedSettings;
import dev.newsticker.push.Fanout;
import dev.newsticker.push.PushMetrics;
import dev.newsticker.push.RecentEvents;
import dev.newsticker.push.Replay;
import dev.newsticker.store.StoryStore;
import dev.newsticker.store.StoryStores;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A whole Newsticker node on a Vert.x instance: the store, the desk, the fan-out, the HTTP side
 * on every event loop, and the sources. {@link Main} runs one; tests start as many as they like.
 */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  private static final int MAX_REPLAY = 10_000;

  private final Vertx vertx;
  private final StoryStore store;
  private final Fanout fanout;
  private final PushMetrics pushMetrics;
  private final DeskGroup deskGroup;
  /** Null on a single node, which runs the desk group itself. */
  private final DeskLeadership leadership;
  private final List<String> deployments = new ArrayList<>();
  private int port;

  private final Guards guards;

  private Server(Vertx vertx, StoryStore store, Fanout fanout, PushMetrics pushMetrics, DeskGroup deskGroup,
                 DeskLeadership leadership, Guards guards) {
    this.guards = guards;
    this.vertx = vertx;
    this.deskGroup = deskGroup;
    this.leadership = leadership;
    this.store = store;
    this.fanout = fanout;
    this.pushMetrics = pushMetrics;
  }

  public static Future<Server> start(Vertx vertx, Settings settings) {
    return start(vertx, settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public static Future<Server> start(Vertx vertx, Settings settings, PrometheusMeterRegistry registry) {
    if (!VertxInternals.available()) {
      LOG.warn("This Vert.x lacks the internals the fan-out's fast path uses: every reader is written through "
        + "Vert.x (slower; counted as newsticker_readers_fallback_total)");
    }
    StoryStore store = StoryStores.create(vertx, settings);
    PushMetrics pushMetrics = new PushMetrics(registry);
    RecentEvents recent = new RecentEvents(settings.recentEvents(), settings.recentEventsBytes());
    Fanout fanout = new Fanout(vertx, recent, pushMetrics);
    Replay replay = new Replay(store, recent, MAX_REPLAY, pushMetrics);
    FeedSettings feeds = FeedSettings.from(settings);
    ClusterSettings cluster = ClusterSettings.from(settings);
    DeskGroup deskGroup = new DeskGroup(vertx, settings, store, feeds, registry);
    DeskLeadership leadership = cluster.enabled()
      ? new DeskLeadership(vertx, settings.pgUrl(), deskGroup, cluster.leaderPollMillis()) : null;
    Guards guards = Guards.create(vertx, settings);
    guards.admission().measure(registry);
    Server server = new Server(vertx, store, fanout, pushMetrics, deskGroup, leadership, guards);
    return store.open()
      .compose(opened -> fanout.start(store, settings.recentEvents(), settings.stream().gapGiveUpSeconds() * 1000L))
      .compose(listening -> leadership == null ? deskGroup.deploy() : leadership.start())
      .compose(desk -> server.deployHttp(settings, store, replay, pushMetrics, registry,
        router -> new FeedRoutes(vertx, feeds, guards.publishAccess()).mount(router)))
      .map(started -> {
        LOG.info("Newsticker listening on http://localhost:{}/", server.port);
        return server;
      })
      .recover(failure -> server.stop().transform(stopped -> Future.failedFuture(failure)));
  }

  /**
   * One HTTP verticle per event loop (as many as this Vert.x really has), sharing one listening port. Port 0 asks for a free port;
   * Vert.x shares a random port between servers that listen on the same negative port.
   */
  private Future<Void> deployHttp(Settings settings, StoryStore store, Replay replay, PushMetrics pushMetrics,
                                  PrometheusMeterRegistry registry, Consumer<Router> extraRoutes) {
    int listenPort = settings.httpPort() == 0 ? -1 : settings.httpPort();
    HttpParts parts = new HttpParts(settings, listenPort, store, DeskClient.from(vertx, settings), fanout, replay, pushMetrics, registry, guards, extraRoutes);
    List<HttpVerticle> instances = new ArrayList<>();
    return vertx.deployVerticle(() -> {
        HttpVerticle verticle = new HttpVerticle(parts);
        instances.add(verticle);
        return verticle;
      }, new DeploymentOptions().setInstances(VertxInternals.eventLoops(vertx)))
      .map(id -> {
        deployments.add(id);
        port = instances.get(0).actualPort();
        return null;
      });
  }

  public int port() {
    return port;
  }

  /** Whether this node runs the desk now: always on a single node, the leader's in a cluster. */
  public boolean runsDesk() {
    return leadership == null || leadership.leader();
  }

  /** Readers connected to this node now. */
  public int readers() {
    return pushMetrics.connections();
  }

  public StoryStore store() {
    return store;
  }

  /**
   * Undeploys everything, newest first, and closes the store. The HTTP side goes first and
   * gracefully (in-flight publishes finish while the desk is still there), the store last.
   */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.eventually(() -> leadership == null ? deskGroup.undeploy() : leadership.stop()).eventually(fanout::stop).eventually(store::close)
      .eventually(() -> {
        guards.stop();
        return Future.succeededFuture();
      }).mapEmpty();
  }
}
