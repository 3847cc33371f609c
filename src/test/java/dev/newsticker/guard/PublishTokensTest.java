package dev.newsticker.guard;

import dev.newsticker.support.Await;
import dev.newsticker.support.ConfiguredServerTestBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named publish tokens kept as hashes, rotated through the tokens file, each with its rate. */
class PublishTokensTest extends ConfiguredServerTestBase {
  private static final String HEADLINE = "{\"headline\":\"Token test headline\"}";

  private static JsonArray tokens(String... nameAndToken) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < nameAndToken.length; i += 2) {
      list.add(new JsonObject().put("name", nameAndToken[i]).put("sha256", PublishTokens.sha256Hex(nameAndToken[i + 1])));
    }
    return list;
  }

  @Test
  void namedHashedTokensAndTheUnnamedOneAllPublish() {
    start(new JsonObject().put("publishToken", "plain-one")
      .put("auth", new JsonObject().put("publishTokens", tokens("newsroom", "n3wsroom", "wire", "w1re"))));
    assertEquals(200, api.send("application/json", HEADLINE, "n3wsroom").statusCode());
    assertEquals(200, api.send("application/json", HEADLINE, "w1re").statusCode());
    assertEquals(200, api.send("application/json", HEADLINE, "plain-one").statusCode());
    HttpResponse<Buffer> wrong = api.send("application/json", HEADLINE, PublishTokens.sha256Hex("n3wsroom"));
    assertEquals(403, wrong.statusCode(), "the hash itself is not a token");
    assertEquals(401, api.send("application/json", HEADLINE, null).statusCode());
  }

  @Test
  void theTokensFileRotatesTokensWithoutARestart() throws Exception {
    Path file = dataDir.resolve("tokens.json");
    Files.writeString(file, new JsonObject().put("publishTokens", tokens("desk-a", "old-secret")).encode());
    start(new JsonObject().put("auth", new JsonObject().put("tokensFile", "tokens.json").put("reloadMillis", 100)));
    assertEquals(200, api.send("application/json", HEADLINE, "old-secret").statusCode());
    assertEquals(403, api.send("application/json", HEADLINE, "new-secret").statusCode());

    Files.writeString(file, new JsonObject().put("publishTokens", tokens("desk-b", "new-secret")).encode());
    Await.until("the new token to be accepted",
      () -> api.send("application/json", HEADLINE, "new-secret").statusCode() == 200);
    assertEquals(403, api.send("application/json", HEADLINE, "old-secret").statusCode());

    Files.writeString(file, "{\"publishTokens\": [{\"name\": \"half-writ");
    // A broken edit keeps the tokens in force: give the watcher a few rounds to see it.
    Thread.sleep(500);
    assertEquals(200, api.send("application/json", HEADLINE, "new-secret").statusCode());
  }

  @Test
  void aTokensFileWithNoTokensLetsNobodyPublishNotEvenLoopback() throws Exception {
    Files.writeString(dataDir.resolve("tokens.json"), "{\"publishTokens\": []}");
    start(new JsonObject().put("auth", new JsonObject().put("tokensFile", "tokens.json")));
    assertEquals(401, api.send("application/json", HEADLINE, null).statusCode());
  }

  @Test
  void eachPublisherHasItsRateAndIsToldWhenToRetry() {
    start(new JsonObject().put("publishToken", "a-token")
      .put("auth", new JsonObject().put("publishTokens", tokens("other", "other-token")))
      .put("limits", new JsonObject().put("publishesPerSecond", 1).put("publishBurst", 2)));
    assertEquals(200, api.send("application/json", HEADLINE, "a-token").statusCode());
    assertEquals(200, api.send("application/json", HEADLINE, "a-token").statusCode());
    HttpResponse<Buffer> refused = api.send("application/json", HEADLINE, "a-token");
    assertEquals(429, refused.statusCode());
    assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) >= 1);
    assertTrue(refused.bodyAsJsonObject().getString("error").contains("rate"));
    assertEquals(200, api.send("application/json", HEADLINE, "other-token").statusCode(), "another publisher's share");
  }
}
