package dev.newsticker.store;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.support.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every store failure a client meets is a 503 with Retry-After and a reason in Newsticker's own
 * words: no SQL, no H2 or pool internals, no Java exception (issue 21, items 3 and 11).
 */
class StoreFailureAnswersTest {
  private static final Pattern INTERNALS = Pattern.compile(
    "(?i)sql|h2|jdbc|exception|throwable|timeout|vertx|io\\.|java|select|insert|merge|channel|\\[\\d");

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private Server server;
  private Api api;

  @BeforeEach
  void createVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (server != null) {
      await(server.stop());
    }
    await(vertx.close());
  }

  @Test
  void anEmbeddedStoreThatCannotBeWrittenAnswers503InOurWords() throws Exception {
    start(new JsonObject());
    api.publishOne(new JsonObject().put("headline", "Quake hits coast"));

    // the database closes under the server, as it does when its file can no longer be written
    try (Connection other = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("newsticker"), "sa", "");
         Statement statement = other.createStatement()) {
      statement.execute("SHUTDOWN");
    }

    assertRefusedInOurWords(api.publish(new JsonObject().put("headline", "Markets open higher").encode()));
    // the pool's next connection opens the file again
    until("a publish to go through", () -> api.publish(new JsonObject().put("headline", "Cup final tonight").encode())
      .statusCode() == 200);
  }

  @Test
  void aSilentPostgresNetworkUnderPublishingAnswers503InOurWords() {
    PgTestSupport.assumeReachable();
    PgTestSupport.TestSchema schema = PgTestSupport.freshSchema(vertx);
    PgConnectOptions target = PgConnectOptions.fromUri(PgTestSupport.URL);
    TcpProxy proxy = new TcpProxy(vertx, target.getHost(), target.getPort());
    try {
      int proxyPort = await(proxy.start());
      start(new JsonObject().put("pgUrl", schema.urlVia("127.0.0.1", proxyPort))
        .put("pg", new JsonObject().put("poolSize", 2).put("operationMillis", 1000).put("connectMillis", 1000)));
      api.publishOne(new JsonObject().put("headline", "Quake hits coast"));

      proxy.freeze();
      // more publishes at once than the pool has connections: some wait for one that never frees
      List<HttpResponse<Buffer>> answers = List.of("Markets open higher", "Cup final tonight", "Rain all week",
          "Bridge reopens", "Strike ends")
        .stream().map(headline -> api.client().post("/api/v1/headlines").putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(new JsonObject().put("headline", headline).encode())))
        .toList().stream().map(dev.newsticker.support.Await::result).toList();
      answers.forEach(StoreFailureAnswersTest::assertRefusedInOurWords);
      assertRefusedInOurWords(api.get("/api/v1/stories"));

      await(proxy.cut());
      proxy.restore();
      until("the store to answer again", () -> api.get("/health/ready").statusCode() == 200);
      until("a publish to go through", () -> api.publish(new JsonObject().put("headline", "Ferry back in service").encode())
        .statusCode() == 200);
    } finally {
      if (server != null) {
        api.close();
        await(server.stop());
        server = null;
        api = null;
      }
      await(proxy.close());
      PgTestSupport.drop(vertx, schema);
    }
  }

  private void start(JsonObject storeSettings) {
    server = TestServers.start(vertx, TestServers.settings(dataDir, storeSettings));
    api = new Api(vertx, server.port());
  }

  private static void assertRefusedInOurWords(HttpResponse<Buffer> response) {
    assertEquals(503, response.statusCode(), response.bodyAsString());
    assertNotNull(response.getHeader("Retry-After"), "Retry-After");
    String reason = response.bodyAsJsonObject().getString("error");
    assertFalse(INTERNALS.matcher(reason).find(), reason);
  }
}
