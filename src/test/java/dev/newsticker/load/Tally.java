package dev.newsticker.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;

/** Every reader's receipts together: counts, and publish-to-receipt latency in microseconds. */
final class Tally {
  private static final long ORIGIN = System.nanoTime();
  final AtomicLong received = new AtomicLong();
  final AtomicLong distinct = new AtomicLong();
  final AtomicLong duplicated = new AtomicLong();
  final AtomicLong outOfOrder = new AtomicLong();
  private final Recorder latency = new Recorder(3);

  /** Nanoseconds on this process's monotonic clock, never negative: what the tokens carry. */
  static long now() {
    return System.nanoTime() - ORIGIN;
  }

  void latency(long sentNanos, long receivedNanos) {
    latency.recordValue(Math.max(0, (receivedNanos - sentNanos) / 1000));
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
  }
}
