package dev.newsticker.api;

import dev.newsticker.config.Settings;
import dev.newsticker.desk.DeskClient;
import dev.newsticker.guard.Guards;
import dev.newsticker.push.Fanout;
import dev.newsticker.push.PushMetrics;
import dev.newsticker.push.Replay;
import dev.newsticker.store.StoryStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;

import java.util.function.Consumer;

/**
 * What every {@link HttpVerticle} shares: one node's settings, store, fan-out and guards.
 *
 * @param port        the port to listen on; negative to share a random port between instances
 * @param extraRoutes routes the root adds (feeds), mounted before the static pages
 */
public record HttpParts(Settings settings, int port, StoryStore store, DeskClient desk, Fanout fanout, Replay replay,
                        PushMetrics pushMetrics, PrometheusMeterRegistry registry, Guards guards,
                        Consumer<Router> extraRoutes) {
}
