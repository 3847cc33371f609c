package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * How many headlines run the model, by mix: the semantic stage's cost is the embeddings per
 * headline times the CPU of one, so a figure of headlines per second means little without its mix.
 * Two mixes: the own set (desk/eval.tsv) as one stream in arrival order, each headline joining the
 * story it matched or starting one; and DeskMatchBenchmark's (half revisions of a window story,
 * half new synthetic headlines, 10,000 and 100,000 stories indexed without vectors, as after a
 * restart). Run by scripts/bench-desk.sh.
 */
public final class DeskEmbeddingMix {
  private static final int QUERIES = 3_000;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final MutableClock clock;
  private final DeskMatcher matcher;
  private int embedded;

  private DeskEmbeddingMix(MutableClock clock) {
    this.clock = clock;
    Embedder counting = text -> {
      embedded++;
      return MiniLmEmbedder.shared().embed(text);
    };
    matcher = new DeskMatcher(new SimilarityMatcher(MatcherSettings.DEFAULTS, clock), counting, SemanticSettings.DEFAULTS,
      clock);
  }

  public static void main(String[] args) throws IOException {
    MiniLmEmbedder.shared();
    List<DeskEvaluation.Row> rows = DeskEvaluation.ownSet();
    new DeskEmbeddingMix(new MutableClock(rows.get(0).at())).stream(rows);
    for (int stories : new int[] {10_000, 100_000}) {
      new DeskEmbeddingMix(new MutableClock(DeskMatchBenchmark.NOW)).benchmark(stories);
    }
  }

  private void stream(List<DeskEvaluation.Row> rows) {
    int[] withModel = new int[1];
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < rows.size(); i++) {
      DeskEvaluation.Row row = rows.get(i);
      clock.set(row.at());
      Optional<String> found = classify(row.headline(), withModel);
      matcher.index(new Story(found.orElse("s" + i), row.headline(), null, List.of(), null, row.source(),
        List.of(row.source()), null, null, List.of(), false, row.at(), row.at(), 1, i, false));
    }
    report("own set as a stream", rows.size(), withModel[0], cpu);
  }

  private void benchmark(int stories) {
    SyntheticHeadlines headlines = new SyntheticHeadlines(42, 40_000, 30_000);
    List<Story> window = DeskMatchBenchmark.window(headlines, stories);
    window.forEach(matcher::index);
    int[] withModel = new int[1];
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < QUERIES; i++) {
      classify(i % 2 == 0 ? headlines.revise(window.get((i * 7919) % window.size()).headline()) : headlines.headline(),
        withModel);
    }
    report("benchmark mix, " + stories + " stories", QUERIES, withModel[0], cpu);
  }

  private Optional<String> classify(String headline, int[] withModel) {
    int before = embedded;
    Optional<String> found = matcher.match(FeedItem.headline("mix", headline));
    withModel[0] += embedded > before ? 1 : 0;
    return found;
  }

  private void report(String mix, int headlines, int withModel, long cpuAtStart) {
    System.out.printf("%s: %d headlines, %.1f %% run the model, %.3f embeddings per headline, %.0f us of thread CPU"
        + " per headline%n", mix, headlines, 100.0 * withModel / headlines, embedded / (double) headlines,
      (threads.getCurrentThreadCpuTime() - cpuAtStart) / 1000.0 / headlines);
  }
}
