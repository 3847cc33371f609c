package dev.newsticker.guard;

import dev.newsticker.http.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * WebSocket upgrades carry no CORS check, so a page on any site could open one with its
 * reader's cookies; with allowed origins set, a browser's upgrade from elsewhere gets 403. A request without
 * Origin comes from no browser (every browser sends it on WebSocket) and passes too: a
 * non-browser client could send any Origin it likes anyway.
 */
public final class OriginCheck implements Handler<RoutingContext> {
  private final List<String> allowed;

  public OriginCheck(List<String> allowed) {
    this.allowed = allowed;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (allowed.isEmpty() || allowed.contains("*") || origin == null || allowed.contains(origin)) {
      ctx.next();
      return;
    }
    ApiErrors.send(ctx, 403, "origin " + clip(origin) + " may not open this WebSocket");
  }

  private static String clip(String origin) {
    return origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
  }
}
