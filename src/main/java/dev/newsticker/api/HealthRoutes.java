package dev.newsticker.api;

import dev.newsticker.store.StoryStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Liveness (the process answers) and readiness (the store answers too). */
final class HealthRoutes {
  private final StoryStore store;

  HealthRoutes(StoryStore store) {
    this.store = store;
  }

  void mount(Router router) {
    router.get("/health/live").handler(this::live);
    router.get("/health/ready").handler(this::ready);
  }

  private void live(RoutingContext ctx) {
    ctx.json(new JsonObject().put("status", "UP"));
  }

  private void ready(RoutingContext ctx) {
    store.ready().onComplete(result -> {
      boolean ready = result.succeeded() && result.result();
      ctx.response().setStatusCode(ready ? 200 : 503);
      ctx.json(new JsonObject().put("status", ready ? "UP" : "DOWN").put("store", ready));
    });
  }
}
