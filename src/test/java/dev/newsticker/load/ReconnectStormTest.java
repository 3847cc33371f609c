package dev.newsticker.load;

import dev.newsticker.support.Await;
import dev.newsticker.support.ServerTestBase;
import dev.newsticker.support.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 2,000 readers reconnect at once with the last seq they saw: each gets exactly what it missed,
 * in order, and every catch-up comes from the recent-events cache, none from the store.
 */
class ReconnectStormTest extends ServerTestBase {
  private static final int READERS = 2000;
  private static final int MISSED = 10;


  @ParameterizedTest
  @ValueSource(strings = {"sse", "ws"})
  void everyReaderCatchesUpFromTheCache(String transport) {
    LoadOptions options = LoadOptions.parse(new String[] {"--port", Integer.toString(server.port()),
      "--transport", transport, "--readers", Integer.toString(READERS), "--source-addresses", "2"});
    Publisher publisher = new Publisher(vertx, options);
    ReaderPool pool = new ReaderPool(vertx, options);
    try {
      AtomicLongArray first = Await.result(publisher.publish(0, 5, 100));
      long lastSeen = first.get(4);
      Await.result(publisher.publish(5, MISSED, 100));
      String before = api.get("/metrics").bodyAsString();

      Tally tally = new Tally();
      String path = transport.equals("ws") ? "/api/v1/ws?since=" + lastSeen : "/api/v1/stream";
      Map<String, String> headers = transport.equals("ws") ? Map.of() : Map.of("Last-Event-ID", Long.toString(lastSeen));
      Await.result(pool.open(READERS, tally, i -> path, i -> headers, Integer.MAX_VALUE / 2, READERS));
      assertEquals(0, pool.failures.get());
      Await.until("every reader has the missed events", Duration.ofSeconds(60),
        () -> tally.distinct.get() >= (long) READERS * MISSED);

      assertEquals((long) READERS * MISSED, tally.received.get(), "nothing twice, nothing from before the cursor");
      assertEquals(0, tally.outOfOrder.get());
      String after = api.get("/metrics").bodyAsString();
      String cache = "newsticker_replays_total{source=\"cache\"";
      String store = "newsticker_replays_total{source=\"store\"";
      assertEquals(READERS, Metrics.value(after, cache) - Metrics.value(before, cache));
      assertEquals(0, Metrics.value(after, store) - Metrics.value(before, store));
    } finally {
      Await.result(pool.close());
      Await.result(publisher.close());
    }
  }
}
