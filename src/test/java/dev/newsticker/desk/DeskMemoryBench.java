package dev.newsticker.desk;

import dev.newsticker.Server;
import dev.newsticker.model.EventType;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.H2StoryStore;
import dev.newsticker.store.IdentityKeys;
import dev.newsticker.store.StoryChange;
import dev.newsticker.store.StoryStore;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Heap after a full GC of a server whose store holds N stories (issue 21, item 5). Each store is
 * filled straight through the store API, in batches, the way the desk writes: a story, its
 * identity key, its first revision and its event, with a summary and a body of about 1 KB. All
 * but the last {@code recent} stories were last updated three days and more ago (outside the
 * desk's window of 48 hours); seq and update time rise together, as the desk assigns them. Then a
 * server starts on the store, and the heap in use after {@code System.gc()} is read from the
 * MemoryMXBean, with the desk's gauge {@code newsticker_desk_stories}.
 * <p>
 * Arguments: {@code counts} (comma-separated), {@code recent}, {@code maxStories}. The embedded
 * store's files go under {@code target/desk-memory/}, one store per count, deleted after.
 */
public final class DeskMemoryBench {
  private static final int BATCH = 5000;
  private static final String PARAGRAPH = "The council met late into the evening and heard from residents on both"
    + " sides of the question, before a vote that the chair described as the closest in a decade. ";

  private DeskMemoryBench() {
  }

  public static void main(String[] args) throws Exception {
    String[] counts = (args.length > 0 ? args[0] : "10000,100000,1000000").split(",");
    int recent = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int maxStories = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    System.out.printf("embedded store, %d stories in the window, desk.maxStories %d, -Xmx %d MB%n",
      recent, maxStories, Runtime.getRuntime().maxMemory() >> 20);
    Vertx vertx = Vertx.vertx();
    try {
      System.out.printf("empty store: heap after full GC %d MB%n", measure(vertx, 0, 0, maxStories));
      for (String count : counts) {
        int stories = Integer.parseInt(count.replace("_", ""));
        long heap = measure(vertx, stories, Math.min(recent, stories), maxStories);
        System.out.printf("%,d stories in the store: heap after full GC %d MB%n", stories, heap);
      }
    } finally {
      Await.result(vertx.close());
    }
  }

  /** Fills a fresh store with {@code stories}, starts a server on it, and answers the heap after a full GC in MB. */
  private static long measure(Vertx vertx, int stories, int recent, int maxStories) throws IOException {
    Path dataDir = Path.of("target", "desk-memory", "store-" + stories);
    deleteTree(dataDir);
    JsonObject settings = new JsonObject().put("desk", new JsonObject().put("maxStories", maxStories));
    StoryStore store = new H2StoryStore(vertx, dataDir);
    Await.result(store.open());
    long started = System.nanoTime();
    fill(store, stories, recent);
    Await.result(store.close());
    long filled = System.nanoTime();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Server server = Await.result(Server.start(vertx, TestServers.settings(dataDir, settings), registry));
    long up = System.nanoTime();
    long heap = heapAfterGc();
    double held = registry.get("newsticker_desk_stories").gauge().value();
    System.out.printf("  filled in %d s, server started in %d ms, desk holds %.0f stories%n",
      (filled - started) / 1_000_000_000, (up - filled) / 1_000_000, held);
    Await.result(server.stop());
    deleteTree(dataDir);
    return heap;
  }

  private static void fill(StoryStore store, int stories, int recent) {
    SyntheticHeadlines headlines = new SyntheticHeadlines(21, 20_000, 5_000);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant oldest = now.minus(Duration.ofDays(3)).minusSeconds(stories);
    List<StoryChange> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < stories; i++) {
      // a second apart, the last {@code recent} within the last hour
      Instant at = i >= stories - recent ? now.minusSeconds(stories - i) : oldest.plusSeconds(i);
      String headline = headlines.headline();
      long seq = i + 1L;
      Story story = new Story("s" + i, headline, "What happened, in a sentence: " + headline + ".",
        List.of(PARAGRAPH + PARAGRAPH, PARAGRAPH + PARAGRAPH), "https://example.org/" + i, "wire", List.of("wire"),
        "J.Horn", "world", List.of("news"), false, at, at, 1, seq, false);
      batch.add(new StoryChange(story, List.of(IdentityKeys.of("id:wire:" + i)), new Revision(1, headline, "wire", at, null),
        new StoryEvent(EventType.NEW, seq, at, story, null, null)));
      if (batch.size() == BATCH || i == stories - 1) {
        Await.result(store.append(batch));
        batch = new ArrayList<>(BATCH);
      }
    }
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
