package dev.newsticker.desk;

import dev.newsticker.config.ConfigReader;

/**
 * Which of the desk's decisions it doubts, from the "desk" section of the configuration.
 *
 * @param bandPercent points of score (0..100) under the threshold that make a near-miss, and over it a close merge
 * @param kept        how many doubts the desk holds, newest first (0: none are recorded)
 */
public record DoubtSettings(int bandPercent, int kept) {
  public static final DoubtSettings DEFAULTS = new DoubtSettings(5, 200);

  public static DoubtSettings from(ConfigReader desk) {
    return new DoubtSettings(desk.integer("doubtBandPercent", DEFAULTS.bandPercent, 0, 100),
      desk.integer("doubtsKept", DEFAULTS.kept, 0, 100_000));
  }
}
