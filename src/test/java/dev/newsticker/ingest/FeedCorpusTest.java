package dev.newsticker.ingest;

import dev.newsticker.config.ConfigReader;
import dev.newsticker.model.FeedItem;
import dev.newsticker.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed corpus (src/test/resources/feeds/corpus, written by scripts/feeds-corpus.py): every format the README
 * claims, many encodings declared every way, entities, CDATA, markup, base64, DOCTYPEs and refusals. Each file is
 * served over HTTP with its Content-Type, fetched and parsed as the poller does, and compared with expected.tsv.
 * (The causes go through the whole server in {@link RealWorldFeedsTest}.)
 */
class FeedCorpusTest {
  private static final FeedDefinition FEED =
    FeedDefinition.of("http://127.0.0.1:1/corpus", "Corpus", null, null, false);

  private Vertx vertx;
  private FixtureServer server;
  private FeedFetcher fetcher;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    vertx = Vertx.vertx();
    server = Await.result(FixtureServer.start(vertx));
    fetcher = new FeedFetcher(vertx, FeedSettings.parse(new ConfigReader(new JsonObject(), "feeds"), dataDir, 400));
  }

  @AfterEach
  void stop() {
    fetcher.close();
    Await.result(server.close());
    Await.result(vertx.close());
  }

  @Test
  void everyCorpusFeedReadsAsExpected() {
    List<String[]> cases = Fixtures.corpus();
    FeedParser parser = new FeedParser(400);
    List<String> wrong = new ArrayList<>();
    for (String[] c : cases) {
      String name = c[0];
      String contentType = c[1];
      server.serve("/" + name, ctx -> {
        if (!contentType.equals("-")) {
          ctx.response().putHeader("Content-Type", contentType);
        }
        ctx.response().end(Fixtures.feed("corpus/" + name));
      });
      FetchResult fetched = Await.result(fetcher.fetch(server.url("/" + name), null, null));
      String actual;
      try {
        actual = parser.parse(fetched.body(), fetched.header("Content-Type"), FEED, Instant.now()).items().stream()
          .map(FeedItem::headline).collect(Collectors.joining(" | "));
      } catch (FeedRefusal refusal) {
        actual = "!" + refusal.getMessage();
      }
      if (!actual.equals(c[2])) {
        wrong.add(name + "\n    expected: " + c[2] + "\n    actual:   " + actual);
      }
    }
    System.out.printf("feeds corpus: %d/%d titles as expected%n", cases.size() - wrong.size(), cases.size());
    wrong.forEach(w -> System.out.println("  " + w));
    assertTrue(cases.size() >= 150, "the corpus holds " + cases.size() + " feeds");
    assertTrue(wrong.isEmpty(), wrong.size() + " feeds read otherwise:\n" + String.join("\n", wrong));
  }
}
