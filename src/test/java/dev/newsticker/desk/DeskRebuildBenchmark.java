package dev.newsticker.desk;

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

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Time to rebuild the matcher's index from the stories of a window, as the desk does at start-up. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeskRebuildBenchmark {

  @Param({"100000"})
  int stories;

  private List<Story> window;

  @Setup(Level.Trial)
  public void setUp() {
    window = DeskMatchBenchmark.window(new SyntheticHeadlines(42, 40_000, 30_000), stories);
  }

  @Benchmark
  public StoryMatcher rebuild() {
    StoryMatcher matcher = DeskMatchBenchmark.semantic(false).newMatcher(MatcherSettings.DEFAULTS,
      Clock.fixed(DeskMatchBenchmark.NOW, ZoneOffset.UTC));
    window.forEach(matcher::index);
    return matcher;
  }
}
