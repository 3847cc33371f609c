package dev.newsticker.desk;

import dev.newsticker.config.ConfigReader;

import java.time.Duration;

/**
 * How {@link SimilarityMatcher} decides that a headline revises a known story; the "desk"
 * section of the configuration. Fractions are given in percent because the configuration
 * holds whole numbers.
 *
 * @param enabled               false leaves identity keys alone to decide (no similarity matching)
 * @param windowHours           stories not updated for this long no longer match
 * @param thresholdPercent      the least score (0..100) of a match
 * @param nameWeightPercent     how much more a name weighs than another word of the same rarity
 * @param substitutionPercent   penalty for weight replaced on both sides ("hip" for "elbow")
 * @param addedPercent          penalty for weight only the new headline has
 * @param droppedPercent        penalty for weight only the story has (a dropped qualifier)
 * @param nameConflictPercent   names replaced on both sides veto a match once they exceed this share of the shared weight
 * @param maxReplacedTerms      more terms than this replaced on both sides veto a match
 * @param minSharedTerms        a match shares at least this many terms
 * @param idfPriorStories       stories assumed besides the indexed ones, so rarity means little in a small window
 * @param maxPostings           a term used by more stories is too common to find candidates by
 * @param postingBudget         the most postings one headline scans for candidates, so its work does not grow with the window
 * @param maxStories            the most stories the desk holds for matching, however many the window has: the
 *                              least recently updated go first
 */
public record MatcherSettings(
  boolean enabled,
  int windowHours,
  int thresholdPercent,
  int nameWeightPercent,
  int substitutionPercent,
  int addedPercent,
  int droppedPercent,
  int nameConflictPercent,
  int maxReplacedTerms,
  int minSharedTerms,
  int idfPriorStories,
  int maxPostings,
  int postingBudget,
  int maxStories) {

  public static final MatcherSettings DEFAULTS = new MatcherSettings(true, 48, 65, 200, 150, 100, 50, 0, 1, 2, 200, 2000, 256,
    100_000);

  public static MatcherSettings from(ConfigReader desk) {
    MatcherSettings d = DEFAULTS;
    return new MatcherSettings(
      desk.bool("enabled", d.enabled),
      desk.integer("windowHours", d.windowHours, 1, 24 * 365),
      desk.integer("thresholdPercent", d.thresholdPercent, 1, 100),
      desk.integer("nameWeightPercent", d.nameWeightPercent, 100, 1000),
      desk.integer("substitutionPercent", d.substitutionPercent, 0, 1000),
      desk.integer("addedPercent", d.addedPercent, 0, 1000),
      desk.integer("droppedPercent", d.droppedPercent, 0, 1000),
      desk.integer("nameConflictPercent", d.nameConflictPercent, 0, 100),
      desk.integer("maxReplacedTerms", d.maxReplacedTerms, 0, 100),
      desk.integer("minSharedTerms", d.minSharedTerms, 1, 20),
      desk.integer("idfPriorStories", d.idfPriorStories, 0, 10_000_000),
      desk.integer("maxPostings", d.maxPostings, 10, 10_000_000),
      desk.integer("postingBudget", d.postingBudget, 10, 100_000_000),
      desk.integer("maxStories", d.maxStories, 1, 10_000_000));
  }

  public Duration window() {
    return Duration.ofHours(windowHours);
  }
}
