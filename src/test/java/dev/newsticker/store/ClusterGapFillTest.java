package dev.newsticker.store;

import dev.newsticker.Server;
import dev.newsticker.cluster.ClusterSettings;
import dev.newsticker.cluster.ClusteredVertx;
import dev.newsticker.config.Settings;
import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestHeadlines;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, item 10 in a cluster: the cluster link drops an event on its way to the second node,
 * whose store is away when it tries to read it back; past {@code stream.gapGiveUpSeconds} that
 * node's readers get {@code resync} rather than silence.
 */
class ClusterGapFillTest {
  @TempDir
  Path dir;
  private final String clusterName = "nt-gap-" + UUID.randomUUID().toString().substring(0, 8);
  private Vertx helper;
  private PgTestSupport.TestSchema schema;
  private TcpProxy proxy;

  @BeforeAll
  static void requirePostgres() {
    PgTestSupport.assumeReachable();
  }

  @BeforeEach
  void setUp() {
    helper = Vertx.vertx();
    schema = PgTestSupport.freshSchema(helper);
    PgConnectOptions target = PgConnectOptions.fromUri(PgTestSupport.URL);
    proxy = new TcpProxy(helper, target.getHost(), target.getPort());
  }

  @AfterEach
  void tearDown() {
    Await.result(proxy.close());
    PgTestSupport.drop(helper, schema);
    Await.result(helper.close());
  }

  @Test
  void aNodeThatCannotFillAGapSendsItsReadersResync() {
    int proxyPort = Await.result(proxy.start());
    Vertx deskVertx = join("desk", schema.url());
    Server desk = Await.result(Server.start(deskVertx, settings("desk", schema.url())));
    Await.until("the first node to hold the desk", desk::runsDesk);
    String throughProxy = schema.urlVia("127.0.0.1", proxyPort);
    Vertx readerVertx = join("readers", throughProxy);
    Server readers = Await.result(Server.start(readerVertx, settings("readers", throughProxy)));
    readerVertx.eventBus().addInboundInterceptor(delivery -> {
      if (DeskAddresses.EVENTS.equals(delivery.message().address())
        && delivery.message().body() instanceof String event) {
        long seq = new JsonObject(event).getLong("seq");
        if (seq == 2) {
          return;
        }
        if (seq == 3) {
          proxy.freeze();
        }
      }
      delivery.next();
    });
    try (Api api = new Api(helper, desk.port());
         SseReader reader = SseReader.open(helper, readers.port(), "/api/v1/stream")) {
      reader.awaitEvent("snapshot");
      for (int i = 1; i <= 3; i++) {
        api.publishOne(new JsonObject().put("headline", TestHeadlines.distinct(200 + i)));
      }

      SseEvent resync = reader.awaitEvent("resync");
      assertTrue(resync.json().getString("reason").contains("could not be read"), resync.data());
    } finally {
      Await.result(proxy.cut());
      proxy.restore();
      Await.result(readers.stop().eventually(readerVertx::close).otherwiseEmpty());
      Await.result(desk.stop().eventually(deskVertx::close).otherwiseEmpty());
    }
  }

  private Settings settings(String name, String pgUrl) {
    return TestServers.settings(dir.resolve(name), new JsonObject()
      .put("pgUrl", pgUrl)
      .put("pg", new JsonObject().put("operationMillis", 500).put("connectMillis", 500))
      .put("stream", new JsonObject().put("gapGiveUpSeconds", 2))
      .put("cluster", new JsonObject().put("enabled", true).put("name", clusterName).put("leaderPollMillis", 300)));
  }

  private Vertx join(String name, String pgUrl) {
    return Await.result(ClusteredVertx.join(Vertx.builder(), new VertxOptions(), ClusterSettings.from(settings(name, pgUrl))));
  }
}
