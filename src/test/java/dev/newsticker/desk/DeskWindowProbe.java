package dev.newsticker.desk;

import dev.newsticker.model.Story;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a window of 100,000 stories costs the desk at start-up and in the heap: the model's load
 * time, the time to index the stores' stories (vectors are not computed then: a story gets its
 * vector when a headline is first judged against it), and the heap per story. Run by
 * scripts/bench-desk.sh.
 */
public final class DeskWindowProbe {
  private static final int STORIES = 100_000;
  /** A story's vector once computed: 384 bytes and the array's header. */
  private static final int VECTOR_BYTES = 384 + 16;

  private DeskWindowProbe() {
  }

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Story> window = DeskMatchBenchmark.window(new SyntheticHeadlines(42, 40_000, 30_000), STORIES);
    Clock clock = Clock.fixed(DeskMatchBenchmark.NOW, ZoneOffset.UTC);

    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    MiniLmEmbedder.shared();
    System.out.printf("model load: %d ms wall, %d ms of CPU on the loading thread%n",
      (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);

    for (boolean semantic : new boolean[] {false, true}) {
      long before = usedHeap();
      wall = System.nanoTime();
      cpu = threads.getCurrentThreadCpuTime();
      StoryMatcher matcher = DeskMatchBenchmark.semantic(semantic).newMatcher(MatcherSettings.DEFAULTS, clock);
      window.forEach(matcher::index);
      long indexMillis = (System.nanoTime() - wall) / 1_000_000;
      long indexCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
      long perStory = (usedHeap() - before) / STORIES;
      System.out.printf("semantic %s: %,d stories indexed in %d ms (%d ms CPU); heap %d bytes per story without"
          + " vectors, %d with every story's vector%n", semantic, STORIES, indexMillis, indexCpu, perStory,
        perStory + (semantic ? VECTOR_BYTES : 0));
      Reference.reachabilityFence(matcher);
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
