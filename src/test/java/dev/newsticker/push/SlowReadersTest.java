package dev.newsticker.push;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.Metrics;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestServers;
import dev.newsticker.support.WsReader;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenth of the readers stop reading while publishing goes on: the others still get every
 * event in order, the stalled ones get {@code resync} (or, over WebSocket when they asked for it,
 * a close with a reason), and what the server holds for them stays within the per-reader bound.
 */
class SlowReadersTest {
  private static final int QUEUE_EVENTS = 32;
  private static final int QUEUE_BYTES = 512 * 1024;
  private static final int BATCHES = 15;
  private static final int PER_BATCH = 20;
  private static final int EVENTS = BATCHES * PER_BATCH;
  private static final String PARAGRAPH = "word ".repeat(3200);

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private Server server;
  private Api api;
  private HttpClient slowHttp;
  private WebSocketClient slowWs;
  private final Random random = new Random(7);

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = TestServers.start(vertx, TestServers.settings(dataDir, new JsonObject()
      .put("stream", new JsonObject().put("queueEvents", QUEUE_EVENTS).put("queueBytes", QUEUE_BYTES))));
    api = new Api(vertx, server.port());
    // small receive buffers so a reader that stops reading backs up into the server quickly
    slowHttp = vertx.createHttpClient(new HttpClientOptions().setReceiveBufferSize(4096));
    slowWs = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(4096));
  }

  @AfterEach
  void stop() {
    api.close();
    Await.result(slowHttp.close());
    Await.result(slowWs.close());
    Await.result(server.stop());
    Await.result(vertx.close());
  }

  @Test
  void stalledReadersAreResyncedOrClosedWhileTheOthersGetEverything() {
    List<SseReader> fastSse = new ArrayList<>();
    List<WsReader> fastWs = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      fastSse.add(SseReader.open(vertx, server.port(), "/api/v1/stream?snapshot=0"));
      fastWs.add(WsReader.open(vertx, server.port(), "/api/v1/ws?snapshot=0"));
    }
    StalledSse stalledSse = StalledSse.open(slowHttp, server.port());
    StalledWs stalledWs = StalledWs.open(slowWs, server.port());
    Await.until("20 readers registered", () -> server.readers() == 20);

    for (int batch = 0; batch < BATCHES; batch++) {
      publishBatch(batch);
      String metrics = scrape();
      assertTrue(Metrics.value(metrics, "newsticker_queued_events") <= 20 * QUEUE_EVENTS,
        "never more queued than every reader's bound: " + Metrics.value(metrics, "newsticker_queued_events"));
      assertTrue(Metrics.value(metrics, "newsticker_queued_bytes") <= 20.0 * QUEUE_BYTES,
        "never more bytes queued than every reader's bound: " + Metrics.value(metrics, "newsticker_queued_bytes"));
    }
    List<Long> all = LongStream.rangeClosed(1, EVENTS).boxed().toList();
    for (SseReader reader : fastSse) {
      reader.awaitEvents("all events on a fast SSE reader", events -> storySeqs(events).size() >= EVENTS);
      assertEquals(all, storySeqs(reader.events()));
    }
    for (WsReader reader : fastWs) {
      Await.until("all events on a fast WebSocket reader", () -> reader.storyEvents().size() >= EVENTS);
      assertEquals(all, reader.storyEvents().stream().map(event -> event.getLong("seq")).toList());
    }
    // the fast readers have everything, so whatever is still queued belongs to the stalled two
    String metrics = scrape();
    double resyncs = Metrics.value(metrics, "newsticker_resyncs_total");
    double queued = Metrics.value(metrics, "newsticker_queued_events");
    assertTrue(resyncs >= 2, "both stalled readers overflowed: " + resyncs + " resyncs");
    assertTrue(queued <= 2 * QUEUE_EVENTS, "the stalled readers hold at most their bound: " + queued);

    stalledSse.response.resume();
    Await.until("a resync then a snapshot on the stalled SSE reader",
      () -> stalledSse.text().contains("event: resync") && stalledSse.text().contains("event: snapshot"));
    assertTrue(stalledSse.text().indexOf("event: resync") < stalledSse.text().lastIndexOf("event: snapshot"));

    stalledWs.socket.resume();
    Await.until("the stalled WebSocket reader closed", () -> stalledWs.closeStatus.get() != null);
    assertEquals((short) 4008, stalledWs.closeStatus.get());
    assertEquals("reader too slow", stalledWs.closeReason.get());

    Await.until("the server holds no queued events", () -> Metrics.value(scrape(), "newsticker_queued_events") == 0);
    fastSse.forEach(SseReader::close);
    fastWs.forEach(WsReader::close);
  }

  private void publishBatch(int batch) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < PER_BATCH; i++) {
      items.add(new JsonObject().put("id", "slow-" + batch + "-" + i).put("source", "test")
        .put("headline", distinctHeadline()).put("body", new JsonArray().add(PARAGRAPH)));
    }
    assertEquals(200, api.publish(items.encode()).statusCode());
  }

  /** Random words: alike headlines would be matched as updates of one story and collapse in the queues. */
  private String distinctHeadline() {
    StringBuilder headline = new StringBuilder();
    for (int word = 0; word < 8; word++) {
      for (int letter = 0; letter < 3 + random.nextInt(6); letter++) {
        headline.append((char) ('a' + random.nextInt(26)));
      }
      headline.append(' ');
    }
    return headline.toString().trim();
  }

  private String scrape() {
    return api.get("/metrics").bodyAsString();
  }

  private static List<Long> storySeqs(List<SseEvent> events) {
    return events.stream().filter(event -> event.event().startsWith("story.")).map(SseEvent::seq).toList();
  }

  /** An SSE reader that stops reading right after the response head. */
  private record StalledSse(HttpClientResponse response, Buffer received) {
    static StalledSse open(HttpClient client, int port) {
      Buffer received = Buffer.buffer();
      HttpClientResponse response = Await.result(client.request(new RequestOptions().setMethod(HttpMethod.GET)
          .setHost("127.0.0.1").setPort(port).setURI("/api/v1/stream?snapshot=0"))
        .compose(request -> request.send())
        .map(answer -> {
          answer.handler(data -> {
            synchronized (received) {
              received.appendBuffer(data);
            }
          });
          answer.pause();
          return answer;
        }));
      return new StalledSse(response, received);
    }

    String text() {
      synchronized (received) {
        return received.toString();
      }
    }
  }

  /** A WebSocket reader that asked to be closed when too slow, and stops reading. */
  private record StalledWs(WebSocket socket, AtomicReference<Short> closeStatus, AtomicReference<String> closeReason) {
    static StalledWs open(WebSocketClient client, int port) {
      AtomicReference<Short> status = new AtomicReference<>();
      AtomicReference<String> reason = new AtomicReference<>();
      ClientWebSocket ws = client.webSocket();
      ws.handler(data -> { });
      ws.closeHandler(closed -> {
        reason.set(ws.closeReason());
        status.set(ws.closeStatusCode());
      });
      WebSocket socket = Await.result(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/api/v1/ws?snapshot=0&onOverflow=close")).map(connected -> connected.pause()));
      return new StalledWs(socket, status, reason);
    }
  }
}
