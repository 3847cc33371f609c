package dev.newsticker.e2e;

import dev.newsticker.support.Await;
import dev.newsticker.support.ServerTestBase;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestHeadlines;
import dev.newsticker.support.WsReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reader who comes back gets exactly what it missed: in order, nothing twice, nothing lost. */
class ResumeTest extends ServerTestBase {
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("recentEvents", 5);
  }

  @Test
  void lastEventIdReplaysExactlyTheMissedEvents() {
    long lastSeen;
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream")) {
      reader.awaitEvent("snapshot");
      publish(1, 3);
      List<SseEvent> seen = reader.awaitEvents("three events", e -> storyEvents(e).size() == 3);
      lastSeen = storyEvents(seen).get(2).seq();
    }
    publish(4, 8);
    try (SseReader back = SseReader.open(vertx, server.port(), "/api/v1/stream",
      Map.of("Last-Event-ID", Long.toString(lastSeen)))) {
      publish(9, 9);
      List<SseEvent> events = back.awaitEvents("the six missed and new events", e -> storyEvents(e).size() >= 6);
      assertEquals(LongStream.rangeClosed(4, 9).boxed().toList(), storyEvents(events).stream().map(SseEvent::seq).toList());
      assertEquals(0, events.stream().filter(e -> e.event().equals("snapshot")).count());
    }
  }

  @Test
  void replayBeyondTheCacheComesFromTheStore() {
    publish(1, 12);
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream?since=2")) {
      List<SseEvent> events = reader.awaitEvents("ten events", e -> storyEvents(e).size() >= 10);
      assertEquals(LongStream.rangeClosed(3, 12).boxed().toList(), storyEvents(events).stream().map(SseEvent::seq).toList());
    }
  }

  @Test
  void webSocketSubscribeWithSinceResumes() {
    publish(1, 4);
    try (WsReader ws = WsReader.open(vertx, server.port(), "/api/v1/ws")) {
      ws.send(new JsonObject().put("type", "subscribe").put("since", 2));
      Await.until("two replayed events", () -> ws.storyEvents().size() == 2);
      publish(5, 5);
      Await.until("the live event", () -> ws.storyEvents().size() == 3);
      assertEquals(List.of(3L, 4L, 5L), ws.storyEvents().stream().map(m -> m.getLong("seq")).toList());
    }
  }

  @Test
  void snapshotThenLiveNeverRepeatsWhatTheSnapshotShows() {
    publish(1, 3);
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream?snapshot=10")) {
      SseEvent snapshot = reader.awaitEvent("snapshot");
      assertEquals(3, snapshot.seq());
      assertEquals(3, snapshot.json().getJsonArray("stories").size());
      publish(4, 4);
      List<SseEvent> events = reader.awaitEvents("the live event", e -> storyEvents(e).size() >= 1);
      assertEquals(List.of(4L), storyEvents(events).stream().map(SseEvent::seq).toList());
    }
  }

  private void publish(int from, int to) {
    for (int i = from; i <= to; i++) {
      api.publishOne(new JsonObject().put("headline", TestHeadlines.distinct(i)));
    }
  }

  private static List<SseEvent> storyEvents(List<SseEvent> events) {
    return events.stream().filter(e -> e.event().startsWith("story.")).toList();
  }
}
