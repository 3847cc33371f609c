package dev.newsticker.guard;

import java.util.function.LongSupplier;

/** A sustained rate with bursts: {@code perSecond} refill up to {@code burst}; one take per action. */
public final class TokenBucket {
  private final double perSecond;
  private final int burst;
  private final LongSupplier nanos;
  private double tokens;
  private long last;

  public TokenBucket(double perSecond, int burst) {
    this(perSecond, burst, System::nanoTime);
  }

  TokenBucket(double perSecond, int burst, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
    this.tokens = burst;
    this.last = nanos.getAsLong();
  }

  /** Takes one: 0 when allowed, else the whole seconds to wait before one is there again. */
  public synchronized long take() {
    long now = nanos.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
  }
}
