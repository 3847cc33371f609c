package dev.newsticker.ingest;

import dev.newsticker.desk.DeskClient;
import dev.newsticker.model.FeedItem;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keeps a fresh install's ticker moving with no network: replays a bundled file of invented
 * headlines, revisions included, a few a minute, round after round. Each round's stories are new
 * stories (their ids carry the round), and a revision line revises its story within the round.
 */
public class DemoSourceVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSourceVerticle.class);
  static final String SOURCE = "demo";
  private static final int FIRST_BURST = 5;

  private final int perMinute;
  private final DeskClient desk;
  private List<DemoLine> lines;
  private int next;
  private int round = (int) (System.currentTimeMillis() / 1000);

  /** One line of the demo file: the story it belongs to and its headline at that point. */
  record DemoLine(String key, String category, boolean breaking, String headline) {
  }

  public DemoSourceVerticle(int perMinute, DeskClient desk) {
    this.perMinute = perMinute;
    this.desk = desk;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(DemoSourceVerticle::readLines).map(read -> {
      lines = read;
      for (int i = 0; i < FIRST_BURST; i++) {
        sendNext();
      }
      vertx.setPeriodic(60_000L / perMinute, id -> sendNext());
      LOG.info("Demo source on: {} headlines a minute", perMinute);
      return null;
    });
  }

  private void sendNext() {
    DemoLine line = lines.get(next);
    next = (next + 1) % lines.size();
    if (next == 0) {
      round++;
    }
    FeedItem item = new FeedItem(line.key() + "-" + round, SOURCE, line.headline(), null, List.of(), null, null,
      line.category(), List.of(), line.breaking(), null, false);
    desk.ingest(List.of(item))
      .onFailure(failure -> LOG.warn("Demo headline not taken: {}", failure.getMessage()));
  }

  static List<DemoLine> readLines() throws IOException {
    try (InputStream in = DemoSourceVerticle.class.getResourceAsStream("/demo/headlines.tsv")) {
      if (in == null) {
        throw new IOException("demo/headlines.tsv is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t"))
        .map(cells -> new DemoLine(cells[0], cells[1], Boolean.parseBoolean(cells[2]), cells[3]))
        .toList();
    }
  }
}
