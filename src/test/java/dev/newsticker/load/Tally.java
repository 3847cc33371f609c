package dev.newsticker.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Every reader's receipts together: counts, and publish-to-receipt latency in microseconds. */
final class Tally {
  private static final long ORIGIN = System.nanoTime();
  private static final int TRACKED_HEADLINES = 100_000;
  final AtomicLong received = new AtomicLong();
  final AtomicLong distinct = new AtomicLong();
  final AtomicLong duplicated = new AtomicLong();
  final AtomicLong outOfOrder = new AtomicLong();
  private final Recorder latency = new Recorder(3);
  /** Per headline index, its slowest delivery in microseconds: shows when in a run the tail happened. */
  private final AtomicLongArray slowest = new AtomicLongArray(TRACKED_HEADLINES);

  /** Nanoseconds on this process's monotonic clock, never negative: what the tokens carry. */
  static long now() {
    return System.nanoTime() - ORIGIN;
  }

  void latency(int index, long sentNanos, long receivedNanos) {
    long micros = Math.max(0, (receivedNanos - sentNanos) / 1000);
    latency.recordValue(micros);
    if (index < TRACKED_HEADLINES) {
      slowest.accumulateAndGet(index, micros, Math::max);
    }
  }

  /** The slowest delivery in milliseconds of each {@code perGroup} consecutive headlines from {@code first} on. */
  String slowestPerGroup(int first, int headlines, int perGroup) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(first + headlines, TRACKED_HEADLINES);
    for (int from = first; from < end; from += perGroup) {
      long max = 0;
      for (int i = from; i < Math.min(from + perGroup, end); i++) {
        max = Math.max(max, slowest.get(i));
      }
      out.append(out.length() == 0 ? "" : " ").append(max / 1000);
    }
    return out.toString();
  }

  /** Drops the latencies recorded so far (a warm-up's). */
  void forgetLatencies() {
    latency.reset();
  }

  /** The latencies recorded since the last call. */
  Histogram latencies() {
    return latency.getIntervalHistogram();
  }

  void reset() {
    received.set(0);
    distinct.set(0);
    duplicated.set(0);
    outOfOrder.set(0);
    latency.reset();
    for (int i = 0; i < TRACKED_HEADLINES; i++) {
      slowest.set(i, 0);
    }
  }
}
