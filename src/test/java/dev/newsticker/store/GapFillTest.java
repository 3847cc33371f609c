package dev.newsticker.store;

import dev.newsticker.Server;
import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.support.Api;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestHeadlines;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.support.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event the bus loses while the store is away for the fill (issue 21, item 10), on a real
 * server over PostgreSQL behind a proxy: the fill is retried while later events wait, and readers
 * get every event in order once the store answers; a gap still open after
 * {@code stream.gapGiveUpSeconds} sends every reader {@code resync} instead of silence.
 */
class GapFillTest {
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
  void start(@TempDir Path dataDir) {
    vertx = Vertx.vertx();
    schema = PgTestSupport.freshSchema(vertx);
    PgConnectOptions target = PgConnectOptions.fromUri(PgTestSupport.URL);
    proxy = new TcpProxy(vertx, target.getHost(), target.getPort());
    int proxyPort = await(proxy.start());
    server = TestServers.start(vertx, TestServers.settings(dataDir, new JsonObject()
      .put("pgUrl", schema.urlVia("127.0.0.1", proxyPort))
      .put("pg", new JsonObject().put("operationMillis", 500).put("connectMillis", 500))
      .put("stream", new JsonObject().put("gapGiveUpSeconds", 2))));
    api = new Api(vertx, server.port());
  }

  @AfterEach
  void stop() {
    try {
      api.close();
      await(server.stop());
      await(proxy.close());
    } finally {
      PgTestSupport.drop(vertx, schema);
      await(vertx.close());
    }
  }

  @Test
  void aFillThatFailsIsRetriedAndReadersGetEveryEventInOrder() {
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream")) {
      reader.awaitEvent("snapshot");
      publishThreeLosingTheSecond();

      // the store answers again within the bound
      vertx.setTimer(800, id -> proxy.cut().onComplete(cut -> proxy.restore()));
      List<SseEvent> events = reader.awaitEvents("events 1 to 3", e -> reader.storyEvents().size() >= 3);
      assertEquals(List.of(1L, 2L, 3L), reader.storyEvents().stream().map(SseEvent::seq).toList());
      assertTrue(events.stream().noneMatch(e -> "resync".equals(e.event())), events.toString());
    }
  }

  @Test
  void aGapStillOpenAfterTheBoundSendsEveryReaderResync() {
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream")) {
      reader.awaitEvent("snapshot");
      publishThreeLosingTheSecond();

      SseEvent resync = reader.awaitEvent("resync");
      assertTrue(resync.json().getString("reason").contains("could not be read"), resync.data());
      await(proxy.cut());
      proxy.restore();
    }
    until("the store to answer again", () -> api.get("/health/ready").statusCode() == 200);
    try (SseReader again = SseReader.open(vertx, server.port(), "/api/v1/stream?since=0")) {
      again.awaitEvents("the whole log", e -> again.storyEvents().size() >= 3);
    }
  }

  private void publishThreeLosingTheSecond() {
    loseOnTheBusThenFreezeTheStore(2);
    for (int i = 1; i <= 3; i++) {
      api.publishOne(new JsonObject().put("headline", TestHeadlines.distinct(i)));
    }
  }

  /**
   * Event {@code seq} never reaches this node's fan-out (as when a desk node dies between storing
   * and publishing); the store goes silent the moment the next one passes, so the fill fails.
   */
  private void loseOnTheBusThenFreezeTheStore(long seq) {
    vertx.eventBus().addOutboundInterceptor(delivery -> {
      if (DeskAddresses.EVENTS.equals(delivery.message().address())) {
        long event = new JsonObject((String) delivery.body()).getLong("seq");
        if (event == seq) {
          return;
        }
        if (event == seq + 1) {
          proxy.freeze();
        }
      }
      delivery.next();
    });
  }
}
