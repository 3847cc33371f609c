package dev.newsticker.store;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.support.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole server on PostgreSQL that goes away and comes back (a proxy between them is cut, then
 * restored): publishes answer 503 with a JSON reason, readiness turns false, a connected SSE
 * reader stays connected; afterwards the server works again without a restart, and every
 * acknowledged publish is in the log.
 */
@ExtendWith(VertxExtension.class)
class PgServerOutageTest {

  private Vertx vertx;
  private PgTestSupport.TestSchema schema;
  private TcpProxy proxy;
  private Server server;
  private Api api;

  @BeforeAll
  static void requirePostgres() {
    PgTestSupport.assumeReachable();
  }

  @BeforeEach
  void startServer(Vertx vertx, @TempDir Path dataDir) {
    this.vertx = vertx;
    schema = PgTestSupport.freshSchema(vertx);
    PgConnectOptions target = PgConnectOptions.fromUri(PgTestSupport.URL);
    proxy = new TcpProxy(vertx, target.getHost(), target.getPort());
    int proxyPort = await(proxy.start());
    server = TestServers.start(vertx, TestServers.settings(dataDir, new JsonObject()
      .put("pgUrl", schema.urlVia("127.0.0.1", proxyPort))
      .put("pg", new JsonObject().put("operationMillis", 2000).put("connectMillis", 1000))));
    api = new Api(vertx, server.port());
  }

  @AfterEach
  void stopServer() {
    try {
      if (server != null) {
        api.close();
        await(server.stop());
      }
      await(proxy.close());
    } finally {
      PgTestSupport.drop(vertx, schema);
    }
  }

  @Test
  void publishesFailWith503WhileDatabaseIsAwayAndTheServerHealsByItself() {
    long first = api.publishOne(new JsonObject().put("headline", "Quake hits coast")).getLong("seq");
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream?since=0")) {
      reader.awaitEvents("the first story event", events -> reader.storyEvents().size() >= 1);

      await(proxy.cut());

      HttpResponse<Buffer> refused = api.publish(new JsonObject().put("headline", "Markets open higher").encode());
      assertEquals(503, refused.statusCode(), refused.bodyAsString());
      assertTrue(refused.bodyAsJsonObject().getString("error").contains("unavailable"), refused.bodyAsString());
      HttpResponse<Buffer> ready = api.get("/health/ready");
      assertEquals(503, ready.statusCode());
      assertFalse(ready.bodyAsJsonObject().getBoolean("store"));
      assertFalse(reader.ended());

      proxy.restore();
      until("readiness", () -> api.get("/health/ready").statusCode() == 200);
      long second = api.publishOne(new JsonObject().put("headline", "Cup final tonight")).getLong("seq");
      reader.awaitEvents("the story event after the outage", events -> reader.storyEvents().size() >= 2);
      assertFalse(reader.ended());
      assertEquals(List.of(first, second), api.events(0).stream()
        .map(event -> ((JsonObject) event).getLong("seq"))
        .toList());
    }
  }
}
