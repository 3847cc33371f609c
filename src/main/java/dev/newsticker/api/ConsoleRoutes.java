package dev.newsticker.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The editor's console at {@code /console}: static files in {@code web/} like the ticker page, served
 * with a strict policy, since it holds a publish token: its own scripts and styles only, calls to this
 * origin only, never framed (no clickjacked "merge"), no referrer.
 */
final class ConsoleRoutes {
  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  void mount(Router router) {
    router.route("/console*").handler(ConsoleRoutes::policy);
    router.get("/console").handler(ctx -> ctx.reroute("/console.html"));
  }

  private static void policy(RoutingContext ctx) {
    ctx.response()
      .putHeader("Content-Security-Policy", POLICY)
      .putHeader("X-Frame-Options", "DENY")
      .putHeader("X-Content-Type-Options", "nosniff")
      .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }
}
