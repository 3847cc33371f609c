package dev.newsticker.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * The bad-input corpus in src/test/resources/corpus/bad-input.json: each case has a kind
 * (publish, query, ws, feed), a name, and its payload as text ({@code body}), bytes
 * ({@code base64}) or a generated repetition ({@code repeat}: prefix + unit × times + suffix).
 */
public final class Corpus {

  private Corpus() {
  }

  public static Stream<JsonObject> cases(String kind) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/bad-input.json")) {
      if (in == null) {
        throw new IllegalStateException("corpus/bad-input.json is missing");
      }
      JsonArray all = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return all.stream().map(JsonObject.class::cast).filter(c -> kind.equals(c.getString("kind"))).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Buffer payload(JsonObject c) {
    if (c.containsKey("base64")) {
      return Buffer.buffer(Base64.getDecoder().decode(c.getString("base64")));
    }
    JsonObject repeat = c.getJsonObject("repeat");
    if (repeat != null) {
      return Buffer.buffer(repeat.getString("prefix") + repeat.getString("unit").repeat(repeat.getInteger("times"))
        + repeat.getString("suffix"));
    }
    return Buffer.buffer(c.getString("body"));
  }
}
