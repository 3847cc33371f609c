package dev.newsticker;

import dev.newsticker.config.ConfigException;
import dev.newsticker.config.Settings;
import dev.newsticker.config.SettingsLoader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
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
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
      .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
      .withMetrics(new MicrometerMetricsFactory(registry))
      .build();
    Server.start(vertx, settings, registry)
      .onSuccess(server -> Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx, server), "newsticker-shutdown")))
      .onFailure(failure -> {
        LOG.error("Newsticker could not start: {}", failure.getMessage(), failure);
        vertx.close().onComplete(closed -> System.exit(1));
      });
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
