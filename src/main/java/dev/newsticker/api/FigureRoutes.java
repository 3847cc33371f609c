package dev.newsticker.api;

import dev.newsticker.guard.PublishAccess;
import dev.newsticker.push.PushMetrics;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/**
 * {@code GET /api/v1/figures}: this node's live figures for the console (readers by transport, events
 * per minute, publish-to-delivery p99, the store's state), behind the publish access check; and who
 * the caller is to it (the token's name, or the loopback address), which tells the console how it is signed in.
 */
final class FigureRoutes {
  private final Handler<RoutingContext> access;
  private final PushMetrics metrics;
  private final StoryStore store;
  private final String storeKind;

  FigureRoutes(Handler<RoutingContext> access, PushMetrics metrics, StoryStore store, String storeKind) {
    this.access = access;
    this.metrics = metrics;
    this.store = store;
    this.storeKind = storeKind;
  }

  void mount(Router router) {
    router.get("/api/v1/figures").handler(access).handler(this::figures);
  }

  private void figures(RoutingContext ctx) {
    store.ready().otherwise(false).onComplete(ready -> {
      JsonObject readers = new JsonObject();
      metrics.connectionsByTransport().forEach(readers::put);
      ctx.json(new JsonObject()
        .put("at", Instant.now().toString())
        .put("publisher", ctx.<String>get(PublishAccess.PUBLISHER))
        .put("readers", readers)
        .put("eventsPerMinute", metrics.eventsLastMinute())
        .put("publishToDeliveryP99Millis", Math.round(metrics.publishToDeliveryP99Millis() * 10) / 10.0)
        .put("queuedEvents", metrics.queuedEvents())
        .put("store", new JsonObject().put("kind", storeKind).put("ready", Boolean.TRUE.equals(ready.result()))));
    });
  }

  /** Which store the settings choose, as the figures name it. */
  static String storeKind(String pgUrl) {
    return pgUrl == null ? "h2" : "postgresql";
  }
}
