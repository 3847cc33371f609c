package dev.newsticker.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error the API answers is JSON with a reason a person can act on. */
public final class ApiErrors {

  private ApiErrors() {
  }

  public static void send(RoutingContext ctx, int status, String reason) {
    send(ctx, status, new JsonObject().put("error", reason));
  }

  public static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
      .setStatusCode(status)
      .putHeader("Content-Type", "application/json; charset=utf-8")
      .end(body.encode());
  }
}
