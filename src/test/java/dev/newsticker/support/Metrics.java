package dev.newsticker.support;

/** Reads values out of a Prometheus text exposition, as /metrics serves it. */
public final class Metrics {

  private Metrics() {
  }

  /** The sum of every sample whose line starts with {@code prefix} (a name, optionally with labels); 0 when none. */
  public static double value(String exposition, String prefix) {
    return exposition.lines()
      .filter(line -> line.startsWith(prefix))
      .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
      .sum();
  }

  public static boolean has(String exposition, String prefix) {
    return exposition.lines().anyMatch(line -> line.startsWith(prefix));
  }
}
