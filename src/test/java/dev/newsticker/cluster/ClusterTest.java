package dev.newsticker.cluster;

import dev.newsticker.Server;
import dev.newsticker.config.Settings;
import dev.newsticker.store.PgTestSupport;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestServers;
import dev.newsticker.support.TestHeadlines;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two clustered nodes in one JVM over PostgreSQL: one desk, every reader on every node served once, in order. */
class ClusterTest {
  @TempDir
  Path dir;
  private final String clusterName = "nt-test-" + UUID.randomUUID().toString().substring(0, 8);
  private Vertx helper;
  private PgTestSupport.TestSchema schema;

  @BeforeAll
  static void needsPostgres() {
    PgTestSupport.assumeReachable();
  }

  @BeforeEach
  void setUp() {
    helper = Vertx.vertx();
    schema = PgTestSupport.freshSchema(helper);
  }

  @AfterEach
  void tearDown() {
    PgTestSupport.drop(helper, schema);
    Await.result(helper.close());
  }

  @Test
  void publishesOnAnyNodeReachEveryReaderOnceAndTheDeskMovesWhenItsNodeGoes() {
    Node first = start("a");
    Node second = start("b");
    try (Api onSecond = new Api(helper, second.server.port());
         SseReader readerOnFirst = SseReader.open(helper, first.server.port(), "/api/v1/stream");
         SseReader readerOnSecond = SseReader.open(helper, second.server.port(), "/api/v1/stream")) {
      Await.until("one node to hold the desk", () -> first.server.runsDesk() || second.server.runsDesk());
      assertTrue(first.server.runsDesk() ^ second.server.runsDesk(), "exactly one node runs the desk");
      Node leader = first.server.runsDesk() ? first : second;
      Node follower = leader == first ? second : first;
      readerOnFirst.awaitEvent("snapshot");
      readerOnSecond.awaitEvent("snapshot");

      for (int i = 1; i <= 5; i++) {
        try (Api api = new Api(helper, (i % 2 == 0 ? first : second).server.port())) {
          api.publishOne(new JsonObject().put("headline", TestHeadlines.distinct(i)));
        }
      }
      List<Long> expected = LongStream.rangeClosed(1, 5).boxed().toList();
      assertEquals(expected, seqs(readerOnFirst.awaitEvents("five events", e -> storyEvents(e).size() >= 5)));
      assertEquals(expected, seqs(readerOnSecond.awaitEvents("five events", e -> storyEvents(e).size() >= 5)));

      Await.result(leader.vertx.close().otherwiseEmpty());
      Await.until("the other node to take the desk", () -> follower.server.runsDesk());
      try (Api api = new Api(helper, follower.server.port())) {
        Await.until("a publish to succeed after the failover", () ->
          api.publish(new JsonObject().put("headline", "Story after the failover").encode()).statusCode() == 200);
        JsonArray events = api.events(0);
        assertEquals(6, events.size());
        assertEquals(6L, events.getJsonObject(5).getLong("seq"));
      }
      SseReader reader = leader == first ? readerOnSecond : readerOnFirst;
      assertEquals(LongStream.rangeClosed(1, 6).boxed().toList(),
        seqs(reader.awaitEvents("the sixth event", e -> storyEvents(e).size() >= 6)));
    } finally {
      first.close();
      second.close();
    }
  }

  @Test
  void aReaderMovingToAnotherNodeResumesWithLastEventId() {
    Node first = start("a");
    Node second = start("b");
    try (Api api = new Api(helper, first.server.port())) {
      Await.until("a desk", () -> first.server.runsDesk() || second.server.runsDesk());
      for (int i = 1; i <= 4; i++) {
        api.publishOne(new JsonObject().put("headline", TestHeadlines.distinct(100 + i)));
      }
      try (SseReader moved = SseReader.open(helper, second.server.port(), "/api/v1/stream", Map.of("Last-Event-ID", "2"))) {
        assertEquals(List.of(3L, 4L), seqs(moved.awaitEvents("two missed events", e -> storyEvents(e).size() >= 2)));
        assertFalse(moved.events().stream().anyMatch(e -> e.event().equals("snapshot")));
      }
    } finally {
      first.close();
      second.close();
    }
  }

  private Node start(String name) {
    Settings settings = TestServers.settings(dir.resolve(name), new JsonObject()
      .put("pgUrl", schema.url())
      .put("cluster", new JsonObject().put("enabled", true).put("name", clusterName).put("leaderPollMillis", 300)));
    Vertx vertx = Await.result(ClusteredVertx.join(Vertx.builder(), new VertxOptions(), ClusterSettings.from(settings)));
    return new Node(vertx, Await.result(Server.start(vertx, settings)));
  }

  private record Node(Vertx vertx, Server server) {
    /** Stops the node; a node whose Vert.x is already closed (a simulated crash) has nothing left to stop. */
    void close() {
      try {
        Await.result(server.stop().eventually(vertx::close).otherwiseEmpty());
      } catch (RuntimeException alreadyClosed) {
        Await.result(vertx.close().otherwiseEmpty());
      }
    }
  }

  private static List<SseEvent> storyEvents(List<SseEvent> events) {
    return events.stream().filter(e -> e.event().startsWith("story.")).toList();
  }

  private static List<Long> seqs(List<SseEvent> events) {
    return storyEvents(events).stream().map(SseEvent::seq).toList();
  }
}
