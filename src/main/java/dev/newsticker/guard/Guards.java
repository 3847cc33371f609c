package dev.newsticker.guard;

import dev.newsticker.config.Settings;
import io.vertx.core.Vertx;

/**
 * What every HTTP verticle of a node shares to keep the public side safe: the publish tokens and
 * rates, the connection counts, and the settings they follow. One per node, built by the server.
 */
public record Guards(GuardSettings settings, PublishTokens tokens, PublishAccess publishAccess,
                     Admission admission, ConnectionLimits connections, ReaderAccess readers, OriginCheck origins,
                     RequestLimits requests) {

  public static Guards create(Vertx vertx, Settings settings) {
    GuardSettings guard = GuardSettings.from(settings);
    PublishTokens tokens = new PublishTokens(settings.publishToken(), guard);
    tokens.watch(vertx, guard.tokensReloadMillis());
    Admission admission = Admission.create(guard);
    return new Guards(guard, tokens,
      new PublishAccess(tokens, new PublishRate(guard.publishesPerSecond(), guard.publishBurst())),
      admission,
      new ConnectionLimits(admission, tokens, guard.connectionsTotal(), guard.connectionsPerAddress(), guard.connectionsReserve()),
      new ReaderAccess(settings.subscribeToken()),
      new OriginCheck(settings.allowedOrigins()),
      new RequestLimits(guard.uriChars(), guard.paramChars()));
  }

  public void stop() {
    tokens.stop();
  }
}
