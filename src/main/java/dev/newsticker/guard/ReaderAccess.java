package dev.newsticker.guard;

import dev.newsticker.http.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read the streams: anyone, unless a subscribe token is set; then the request must carry
 * it as {@code ?token=} (what browsers can do for EventSource and WebSocket) or as
 * {@code Authorization: Bearer}.
 */
public final class ReaderAccess implements Handler<RoutingContext> {
  private final byte[] token;

  public ReaderAccess(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (token == null) {
      ctx.next();
      return;
    }
    String offered = ctx.request().getParam("token");
    String header = ctx.request().getHeader("Authorization");
    if (offered == null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      offered = header.substring(7).trim();
    }
    if (offered == null || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), token)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ApiErrors.send(ctx, 401, offered == null
        ? "reading needs the subscribe token: ?token=<token> or Authorization: Bearer <token>"
        : "the subscribe token is not valid");
      return;
    }
    ctx.next();
  }
}
