package dev.newsticker.guard;

import dev.newsticker.http.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may publish: with tokens configured, requests bearing one of them; without any, loopback
 * clients only, so a fresh install is never an open relay. Each publisher (the token's name, or
 * the loopback address) then gets its share of the publish rate: past it, 429 with Retry-After.
 */
public final class PublishAccess implements Handler<RoutingContext> {
  /** Where the publisher's name is kept on the routing context, for logs and later handlers. */
  public static final String PUBLISHER = "publisher";
  private final PublishTokens tokens;
  private final PublishRate rate;

  public PublishAccess(PublishTokens tokens, PublishRate rate) {
    this.tokens = tokens;
    this.rate = rate;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> publisher = tokens.any() ? bearer(ctx) : loopback(ctx);
    if (publisher.isEmpty()) {
      return;
    }
    long wait = rate.take(publisher.get());
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(wait));
      ApiErrors.send(ctx, 429, "publisher '" + publisher.get() + "' is over its publish rate; retry in " + wait + " s");
      return;
    }
    ctx.put(PUBLISHER, publisher.get());
    ctx.next();
  }

  private Optional<String> bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ApiErrors.send(ctx, 401, "publishing needs an Authorization: Bearer <token> header");
      return Optional.empty();
    }
    Optional<String> name = tokens.match(header.substring(7).trim());
    if (name.isEmpty()) {
      ApiErrors.send(ctx, 403, "the publish token is not valid");
    }
    return name;
  }

  private static Optional<String> loopback(RoutingContext ctx) {
    SocketAddress address = ctx.request().remoteAddress();
    if (isLoopback(address)) {
      return Optional.of(address.hostAddress());
    }
    ApiErrors.send(ctx, 403, "publishing is allowed from loopback only until a publish token is configured");
    return Optional.empty();
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
