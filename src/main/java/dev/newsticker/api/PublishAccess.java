package dev.newsticker.api;

import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may publish: with a token configured, requests bearing it; without one, loopback clients
 * only, so a fresh install is never an open relay.
 */
public final class PublishAccess implements Handler<RoutingContext> {
  private final byte[] token;

  public PublishAccess(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (token == null) {
      if (isLoopback(ctx.request().remoteAddress())) {
        ctx.next();
      } else {
        ApiErrors.send(ctx, 403, "publishing is allowed from loopback only until NEWSTICKER_PUBLISH_TOKEN is set");
      }
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ApiErrors.send(ctx, 401, "publishing needs an Authorization: Bearer <token> header");
      return;
    }
    byte[] offered = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(offered, token)) {
      ApiErrors.send(ctx, 403, "the publish token is not valid");
      return;
    }
    ctx.next();
  }

  private static boolean isLoopback(SocketAddress address) {
    if (address == null || address.hostAddress() == null) {
      return false;
    }
    try {
      return InetAddress.getByName(address.hostAddress()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
