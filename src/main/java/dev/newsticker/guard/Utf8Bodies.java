package dev.newsticker.guard;

import dev.newsticker.http.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies must be well-formed UTF-8. Decoding leniently would turn bad bytes into U+FFFD
 * and store them as if the publisher had meant it; a strict decoder refuses them with 400.
 */
public final class Utf8Bodies implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0) {
      ctx.next();
      return;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(ctx.body().buffer().getBytes()));
    } catch (CharacterCodingException e) {
      ApiErrors.send(ctx, 400, "the body is not valid UTF-8");
      return;
    }
    ctx.next();
  }
}
