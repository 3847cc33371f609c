package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headlines classified per second on one thread by the desk's matcher against a window of indexed
 * stories, with the semantic stage off and on: half of them revisions of an indexed story, half
 * new. Run with scripts/bench-desk.sh (pinned to one core).
 * <p>
 * Each iteration also prints the benchmark thread's CPU time per headline: on a machine shared
 * with other work, wall-clock throughput says as much about the neighbours as about the matcher.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeskMatchBenchmark {
  static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
  private static final int QUERIES = 1 << 14;

  @Param({"10000", "100000"})
  int stories;

  /** The semantic stage on (the real model) or off (the lexical matcher and the vetoes). */
  @Param({"false", "true"})
  boolean semantic;

  private StoryMatcher matcher;
  private FeedItem[] queries;
  private int next;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean process =
    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuAtStart;
  private long processCpuAtStart;
  private int opsAtStart;
  private long embedded;
  private long embeddedAtStart;
  private long embeddingCpu;
  private long embeddingCpuAtStart;

  @Setup(Level.Trial)
  public void setUp() {
    SyntheticHeadlines headlines = new SyntheticHeadlines(42, 40_000, 30_000);
    List<Story> window = window(headlines, stories);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Embedder counting = text -> {
      embedded++;
      long before = threads.getCurrentThreadCpuTime();
      float[] vector = MiniLmEmbedder.shared().embed(text);
      embeddingCpu += threads.getCurrentThreadCpuTime() - before;
      return vector;
    };
    matcher = semantic ? new DeskMatcher(new SimilarityMatcher(MatcherSettings.DEFAULTS, clock), counting,
      SemanticSettings.DEFAULTS, clock) : semantic(false).newMatcher(MatcherSettings.DEFAULTS, clock);
    window.forEach(matcher::index);
    queries = new FeedItem[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      String headline = i % 2 == 0
        ? headlines.revise(window.get((i * 7919) % window.size()).headline())
        : headlines.headline();
      queries[i] = FeedItem.headline("bench", headline);
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpuAtStart = threads.getCurrentThreadCpuTime();
    processCpuAtStart = process.getProcessCpuTime();
    opsAtStart = next;
    embeddedAtStart = embedded;
    embeddingCpuAtStart = embeddingCpu;
  }

  /** The thread's CPU, and the whole process's: onnxruntime runs the model on threads of its own. */
  @TearDown(Level.Iteration)
  public void reportCpu() {
    int ops = next - opsAtStart;
    double micros = (threads.getCurrentThreadCpuTime() - cpuAtStart) / 1000.0 / ops;
    double processMicros = (process.getProcessCpuTime() - processCpuAtStart) / 1000.0 / ops;
    System.out.printf("  [cpu] %d stories, semantic %s: %.2f us of thread CPU, %.2f us of process CPU per headline"
      + " (%.0f headlines per process CPU-second), %.3f embeddings per headline"
      + " (%.2f us of thread CPU each)%n", stories, semantic, micros, processMicros, 1_000_000 / processMicros,
      (embedded - embeddedAtStart) / (double) ops, (embeddingCpu - embeddingCpuAtStart) / 1000.0 / Math.max(1, embedded - embeddedAtStart));
  }

  static SemanticSettings semantic(boolean on) {
    SemanticSettings d = SemanticSettings.DEFAULTS;
    return new SemanticSettings(on, d.cosinePercent(), d.titleCaseCosinePercent(), d.candidates(), d.sharedPercent(),
      d.windowHours());
  }

  @Benchmark
  public Optional<String> classify() {
    return matcher.match(queries[next++ & (QUERIES - 1)]);
  }

  /** Stories updated at spread times within the last 47 hours, as a desk's window holds them. */
  static List<Story> window(SyntheticHeadlines headlines, int count) {
    long spread = Duration.ofHours(47).toMillis();
    return java.util.stream.IntStream.range(0, count)
      .mapToObj(i -> {
        Instant at = NOW.minusMillis(spread * i / count);
        return new Story("s" + i, headlines.headline(), null, List.of(), null, "bench", List.of("bench"), null, null,
          List.of(), false, at, at, 1, i, false);
      })
      .toList();
  }
}
