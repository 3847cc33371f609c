package dev.newsticker.guard;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A request whose Origin names the host it was sent to comes from the server's own pages: no
 * cross-origin question arises, so its Origin is dropped before CORS and the WebSocket origin
 * check, and the page keeps working whatever {@code allowedOrigins} lists. (Browsers send Origin
 * on every WebSocket, even same-origin.)
 */
public final class SameOrigin implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    String host = ctx.request().getHeader("Host");
    if (origin != null && host != null && authority(origin).equalsIgnoreCase(host)) {
      ctx.request().headers().remove("Origin");
    }
    ctx.next();
  }

  private static String authority(String origin) {
    try {
      URI uri = new URI(origin);
      if (uri.getHost() == null) {
        return "";
      }
      return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    } catch (URISyntaxException e) {
      return "";
    }
  }
}
