package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU cost of one classification against windows of 10,000 and 100,000 stories, measured
 * in turns on one thread and reported as the least of many rounds: on a machine shared with
 * other work, the minimum of thread CPU time is the figure least disturbed by the neighbours.
 * Complements the JMH wall-clock figures; scripts/bench-desk.sh runs both.
 */
public final class DeskCpuProbe {
  private static final int[] WINDOWS = {10_000, 100_000};
  private static final int QUERIES = 5_000;
  private static final int ROUNDS = 60;
  private static final int WARMUP_ROUNDS = 10;

  private DeskCpuProbe() {
  }

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<StoryMatcher> matchers = new ArrayList<>();
    List<List<FeedItem>> queries = new ArrayList<>();
    for (int size : WINDOWS) {
      SyntheticHeadlines headlines = new SyntheticHeadlines(42, 40_000, 30_000);
      List<Story> window = DeskMatchBenchmark.window(headlines, size);
      StoryMatcher matcher = DeskMatchBenchmark.semantic(false).newMatcher(MatcherSettings.DEFAULTS,
        Clock.fixed(DeskMatchBenchmark.NOW, ZoneOffset.UTC));
      window.forEach(matcher::index);
      List<FeedItem> items = new ArrayList<>();
      for (int i = 0; i < QUERIES; i++) {
        String headline = i % 2 == 0 ? headlines.revise(window.get((i * 7919) % size).headline()) : headlines.headline();
        items.add(FeedItem.headline("bench", headline));
      }
      matchers.add(matcher);
      queries.add(items);
    }
    double[] least = new double[WINDOWS.length];
    java.util.Arrays.fill(least, Double.MAX_VALUE);
    int found = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (int w = 0; w < WINDOWS.length; w++) {
        long start = threads.getCurrentThreadCpuTime();
        for (FeedItem item : queries.get(w)) {
          found += matchers.get(w).match(item).isPresent() ? 1 : 0;
        }
        double micros = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / QUERIES;
        if (round >= WARMUP_ROUNDS) {
          least[w] = Math.min(least[w], micros);
        }
      }
    }
    for (int w = 0; w < WINDOWS.length; w++) {
      System.out.printf("%,d stories: %.2f us of CPU per headline at best, %,.0f headlines per CPU-second%n",
        WINDOWS[w], least[w], 1_000_000 / least[w]);
    }
    System.out.printf("(%d matches found over all rounds)%n", found);
  }
}
