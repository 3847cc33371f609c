package dev.newsticker.guard;

import dev.newsticker.http.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * Query size limits in front of the API: a request line longer than {@code uriChars} gets 414, a
 * parameter value longer than {@code paramChars} 400 naming it. (Lines too long even for the HTTP
 * decoder, which is set to four times {@code uriChars}, get Vert.x's own bare 414.)
 */
public final class RequestLimits implements Handler<RoutingContext> {
  private final int uriChars;
  private final int paramChars;

  public RequestLimits(int uriChars, int paramChars) {
    this.uriChars = uriChars;
    this.paramChars = paramChars;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().uri().length() > uriChars) {
      ApiErrors.send(ctx, 414, "the request URI is longer than " + uriChars + " characters");
      return;
    }
    for (Map.Entry<String, String> param : ctx.queryParams()) {
      if (param.getValue().length() > paramChars || param.getKey().length() > paramChars) {
        ApiErrors.send(ctx, 400, new JsonObject()
          .put("error", "query parameter '" + clip(param.getKey()) + "' is longer than " + paramChars + " characters")
          .put("field", clip(param.getKey())));
        return;
      }
    }
    ctx.next();
  }

  private String clip(String name) {
    return name.length() > 60 ? name.substring(0, 60) + "…" : name;
  }
}
