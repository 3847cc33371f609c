package dev.newsticker;

import dev.newsticker.cluster.ClusterSettings;
import dev.newsticker.cluster.ClusteredVertx;
import dev.newsticker.config.ConfigException;
import dev.newsticker.config.Settings;
import dev.newsticker.config.SettingsLoader;
import dev.newsticker.guard.GuardSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** {@code java -jar newsticker.jar [config.json]}: runs one node until the process is stopped. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = SettingsLoader.load(List.of(args), System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ClusterSettings cluster;
    try {
      cluster = ClusterSettings.from(settings);
      GuardSettings.from(settings);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VertxOptions options = new VertxOptions()
      .setPreferNativeTransport(true)
      .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
    Future<Vertx> vertx = cluster.enabled()
      ? ClusteredVertx.join(builder, options, cluster)
      : Future.succeededFuture(builder.with(options).build());
    vertx
      .onFailure(failure -> {
        LOG.error("Newsticker could not join its cluster: {}", failure.getMessage(), failure);
        System.exit(1);
      })
      .onSuccess(Main::logTransport)
      .onSuccess(started -> Server.start(started, settings, registry)
        .onSuccess(server -> Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, server), "newsticker-shutdown")))
        .onFailure(failure -> {
          LOG.error("Newsticker could not start: {}", failure.getMessage(), failure);
          started.close().onComplete(closed -> System.exit(1));
        }));
  }

  private static void logTransport(Vertx vertx) {
    if (vertx.isNativeTransportEnabled()) {
      LOG.info("Network transport: native (epoll)");
    } else {
      LOG.info("Network transport: Java NIO ({})", vertx.unavailableNativeTransportCause().getMessage());
    }
  }

  private static void stop(Vertx vertx, Server server) {
    LOG.info("Stopping");
    try {
      server.stop().eventually(vertx::close).toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      LOG.warn("Unclean stop: {}", e.getMessage());
    }
  }
}
