package dev.newsticker.e2e;

import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.PackagedServerTestBase;
import dev.newsticker.support.ServerProcess;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.WsReader;
import dev.newsticker.support.TestHeadlines;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the real server process under sustained publishing from several clients loses
 * nothing that was acknowledged, and SSE and WebSocket readers resume exactly.
 */
class KillRestartIT extends PackagedServerTestBase {
  /** Where each publisher's headlines start, so no two publishers send the same story. */
  private static final int BATCHES = 1_000_000;
  private static final int WIRE = 2_000_000;
  @Test
  void everyAcknowledgedPublishSurvivesKillNineAndReadersResumeExactly() throws Exception {
    Map<String, String> env = environment();
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    long lastSeenByReader;
    long lastSeenByWebSocket;
    try (ServerProcess first = ServerProcess.start(env);
         SseReader reader = SseReader.open(vertx, first.port(), "/api/v1/stream");
         WsReader wsReader = WsReader.open(vertx, first.port(), "/api/v1/ws?snapshot=0")) {
      reader.awaitEvent("snapshot");
      AtomicBoolean publishing = new AtomicBoolean(true);
      // Several publishers at once, single items, batches and wire text, so the kill lands
      // between, inside and across requests of every kind.
      List<Thread> publishers = List.of(
        new Thread(() -> publishUntilRefused(first.port(), acknowledged, publishing, "application/json",
          i -> new JsonObject().put("headline", TestHeadlines.distinct(i)).encode())),
        new Thread(() -> publishUntilRefused(first.port(), acknowledged, publishing, "application/json",
          i -> new JsonArray().add(new JsonObject().put("headline", TestHeadlines.distinct(BATCHES + 3 * i)))
            .add(new JsonObject().put("headline", TestHeadlines.distinct(BATCHES + 3 * i + 1)))
            .add(new JsonObject().put("headline", TestHeadlines.distinct(BATCHES + 3 * i + 2))).encode())),
        new Thread(() -> publishUntilRefused(first.port(), acknowledged, publishing, "text/plain",
          i -> "-\n" + TestHeadlines.distinct(WIRE + 2 * i) + "\n-\n" + TestHeadlines.distinct(WIRE + 2 * i + 1) + "\n")));
      publishers.forEach(Thread::start);
      Await.until("a few acknowledged publishes", () -> acknowledged.size() >= 60);
      first.kill();
      publishing.set(false);
      for (Thread publisher : publishers) {
        publisher.join();
      }
      lastSeenByReader = reader.storyEvents().stream().mapToLong(SseEvent::seq).max().orElse(0);
      lastSeenByWebSocket = wsReader.storyEvents().stream().mapToLong(m -> m.getLong("seq")).max().orElse(0);
      List<Long> seenLive = wsReader.storyEvents().stream().map(m -> m.getLong("seq")).toList();
      assertEquals(seenLive.stream().sorted().distinct().toList(), seenLive, "live WebSocket events in order, once");
    }

    try (ServerProcess second = ServerProcess.start(env);
         Api api = new Api(vertx, second.port())) {
      JsonArray events = api.events(0);
      Set<Long> stored = events.stream().map(e -> ((JsonObject) e).getLong("seq")).collect(Collectors.toSet());
      assertTrue(stored.containsAll(acknowledged.keySet()), "lost acknowledged events: " + acknowledged.keySet());
      for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
        assertEquals(200, api.get("/api/v1/stories/" + ack.getValue()).statusCode());
      }
      List<Long> seqs = events.stream().map(e -> ((JsonObject) e).getLong("seq")).toList();
      assertEquals(seqs.stream().sorted().distinct().toList(), seqs, "event log out of order or repeated");

      long newSeq = api.publishOne(new JsonObject().put("headline", "First story after the restart")).getLong("seq");
      assertTrue(newSeq > seqs.get(seqs.size() - 1));
      try (SseReader resumed = SseReader.open(vertx, second.port(), "/api/v1/stream",
        Map.of("Last-Event-ID", Long.toString(lastSeenByReader)))) {
        List<SseEvent> replay = resumed.awaitEvents("the replay up to the new story",
          e -> e.stream().anyMatch(x -> x.id() != null && x.seq() == newSeq));
        List<Long> expected = seqs.stream().filter(seq -> seq > lastSeenByReader).collect(Collectors.toList());
        expected.add(newSeq);
        assertEquals(expected, replay.stream().filter(e -> e.event().startsWith("story.")).map(SseEvent::seq).toList());
      }
      try (WsReader resumed = WsReader.open(vertx, second.port(), "/api/v1/ws?since=" + lastSeenByWebSocket)) {
        Await.until("the WebSocket replay up to the new story",
          () -> resumed.storyEvents().stream().anyMatch(m -> m.getLong("seq") == newSeq));
        List<Long> expected = seqs.stream().filter(seq -> seq > lastSeenByWebSocket).collect(Collectors.toList());
        expected.add(newSeq);
        assertEquals(expected, resumed.storyEvents().stream().map(m -> m.getLong("seq")).toList(),
          "every event after the WebSocket's last one, exactly once");
      }
    }
  }


  private void publishUntilRefused(int port, Map<Long, String> acknowledged, AtomicBoolean publishing,
                                  String contentType, IntFunction<String> body) {
    try (Api api = new Api(vertx, port)) {
      for (int i = 0; publishing.get(); i++) {
        HttpResponse<Buffer> response;
        try {
          response = api.send(contentType, body.apply(i), null);
        } catch (AssertionError connectionLost) {
          return;
        }
        if (response.statusCode() == 200) {
          response.bodyAsJsonArray().stream().map(JsonObject.class::cast)
            .forEach(result -> acknowledged.put(result.getLong("seq"), result.getString("storyId")));
        }
      }
    }
  }
}
