package dev.newsticker.guard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TokenBucket} per publisher (the token's name, or the client address without tokens),
 * shared by every event loop.
 */
public final class PublishRate {
  private final double perSecond;
  private final int burst;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public PublishRate(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes one publish for {@code publisher}: 0 when allowed, else the seconds to wait. */
  public long take(String publisher) {
    return buckets.computeIfAbsent(publisher, name -> new TokenBucket(perSecond, burst)).take();
  }
}
