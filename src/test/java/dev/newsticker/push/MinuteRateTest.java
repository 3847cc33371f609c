package dev.newsticker.push;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MinuteRateTest {

  @Test
  void countsTheLastSixtySecondsOnly() {
    AtomicLong clock = new AtomicLong(1_000);
    MinuteRate rate = new MinuteRate(clock::get);
    rate.record();
    rate.record();
    clock.set(1_030);
    rate.record();
    assertEquals(3, rate.lastMinute());
    clock.set(1_060);
    assertEquals(1, rate.lastMinute(), "the first two are a minute old");
    rate.record();
    assertEquals(2, rate.lastMinute(), "second 1060 reuses the slot of 1000, counting afresh");
    clock.set(1_200);
    assertEquals(0, rate.lastMinute());
  }
}
