package dev.newsticker.cluster;

import dev.newsticker.store.PgTestSupport;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.ServerProcess;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestHeadlines;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two server processes on loopback; kill -9 of the desk's node loses nothing and repeats nothing. */
class ClusterFailoverIT {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverIT.class);
  private static final String LEADING = "This node holds the desk";
  @TempDir
  Path dir;
  private Vertx vertx;
  private PgTestSupport.TestSchema schema;

  @BeforeAll
  static void needsPostgres() {
    PgTestSupport.assumeReachable();
  }

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    schema = PgTestSupport.freshSchema(vertx);
  }

  @AfterEach
  void tearDown() {
    PgTestSupport.drop(vertx, schema);
    Await.result(vertx.close());
  }

  @Test
  void killingTheDeskNodeMovesTheDeskAndLosesNoAcknowledgedPublish() throws Exception {
    Path config = dir.resolve("cluster.json");
    Files.writeString(config, new JsonObject()
      .put("cluster", new JsonObject().put("name", "nt-it-" + UUID.randomUUID().toString().substring(0, 8))
        .put("leaderPollMillis", 500))
      .encode());
    Map<String, String> env = Map.of("NEWSTICKER_HTTP_PORT", "0", "NEWSTICKER_DEMO", "false",
      "NEWSTICKER_CLUSTER", "true", "NEWSTICKER_PG_URL", schema.url());
    try (ServerProcess first = ServerProcess.start(withDataDir(env, "a"), config.toString());
         ServerProcess second = ServerProcess.start(withDataDir(env, "b"), config.toString())) {
      Await.until("a desk", () -> first.printed(LEADING) || second.printed(LEADING));
      ServerProcess leader = first.printed(LEADING) ? first : second;
      ServerProcess follower = leader == first ? second : first;

      Map<Long, String> acknowledged = new ConcurrentHashMap<>();
      AtomicInteger refused = new AtomicInteger();
      AtomicBoolean publishing = new AtomicBoolean(true);
      try (SseReader reader = SseReader.open(vertx, follower.port(), "/api/v1/stream")) {
        reader.awaitEvent("snapshot");
        Thread publisher = new Thread(() -> publish(follower.port(), acknowledged, refused, publishing));
        publisher.start();
        Await.until("publishes through the follower", () -> acknowledged.size() >= 10);

        long killedAt = System.nanoTime();
        leader.kill();
        Await.until("the follower to take the desk", Duration.ofSeconds(60), () -> follower.printed(LEADING));
        LOG.info("Desk taken over {} ms after kill -9", (System.nanoTime() - killedAt) / 1_000_000);
        int before = acknowledged.size();
        Await.until("publishes after the failover", () -> acknowledged.size() >= before + 10);
        publishing.set(false);
        publisher.join();

        try (Api api = new Api(vertx, follower.port())) {
          List<Long> log = api.events(0).stream().map(e -> ((JsonObject) e).getLong("seq")).toList();
          assertEquals(log.stream().sorted().distinct().toList(), log, "the event log is in order, nothing twice");
          Set<Long> stored = Set.copyOf(log);
          assertTrue(stored.containsAll(acknowledged.keySet()), "every acknowledged publish is stored");
          List<Long> received = reader.awaitEvents("every event on the follower's reader",
            e -> e.stream().filter(x -> x.event().startsWith("story.")).count() >= log.size())
            .stream().filter(e -> e.event().startsWith("story.")).map(SseEvent::seq).collect(Collectors.toList());
          assertEquals(log, received, "the reader saw every event once, in order");
          LOG.info("{} publishes acknowledged, {} refused with 503 during the failover", acknowledged.size(), refused.get());
        }
      }
    }
  }

  private Map<String, String> withDataDir(Map<String, String> env, String name) {
    Map<String, String> copy = new java.util.HashMap<>(env);
    copy.put("NEWSTICKER_DATA_DIR", dir.resolve(name).toString());
    return copy;
  }

  private void publish(int port, Map<Long, String> acknowledged, AtomicInteger refused, AtomicBoolean publishing) {
    try (Api api = new Api(vertx, port)) {
      for (int i = 0; publishing.get(); i++) {
        HttpResponse<Buffer> response = api.publish(new JsonObject().put("headline", TestHeadlines.distinct(i)).encode());
        if (response.statusCode() == 200) {
          JsonObject result = response.bodyAsJsonArray().getJsonObject(0);
          acknowledged.put(result.getLong("seq"), result.getString("storyId"));
        } else {
          assertEquals(503, response.statusCode(), response.bodyAsString());
          assertTrue(response.bodyAsJsonObject().getString("error").length() > 5);
          refused.incrementAndGet();
        }
      }
    }
  }
}
