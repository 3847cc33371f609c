package dev.newsticker.desk;

/**
 * Scores a headline against a story from the weights of their terms: shared, only in the
 * headline ("added"), only in the story ("dropped"). Weight missing on both sides counts as a
 * substitution, the strongest sign of a different story; one-sided weight is a qualifier
 * dropped or a clause added. The score is shared / (shared + penalties), 1 for equal sets.
 * Names replaced on both sides ("Alcaraz" for "Sinner", "Pakistan" for "Nigeria") veto a match,
 * and so do several words replaced on both sides: a revision swaps a verb, a new development
 * ("talks collapse" after "talks constructive", "wins" after "snatches pole ... final lap")
 * says something else.
 */
final class MatchScore {
  static final double VETOED = -1;

  private final double substitution;
  private final double added;
  private final double dropped;
  private final double nameConflict;
  private final double threshold;
  private final int minShared;
  private final int maxReplacedTerms;

  MatchScore(MatcherSettings settings) {
    this.substitution = settings.substitutionPercent() / 100.0;
    this.added = settings.addedPercent() / 100.0;
    this.dropped = settings.droppedPercent() / 100.0;
    this.nameConflict = settings.nameConflictPercent() / 100.0;
    this.threshold = settings.thresholdPercent() / 100.0;
    this.minShared = settings.minSharedTerms();
    this.maxReplacedTerms = settings.maxReplacedTerms();
  }

  double threshold() {
    return threshold;
  }

  /**
   * The least shared weight a story needs to reach the threshold against a headline whose
   * terms weigh {@code headlineWeight} in all: every unshared unit of the headline costs at
   * least the smaller of the added and substitution penalties.
   */
  double sharedWeightNeeded(double headlineWeight) {
    double least = Math.min(substitution, added);
    return threshold * least * headlineWeight / (1 - threshold + threshold * least);
  }

  /**
   * The best score a story can reach that shares no more than {@code sharedWeight} of a
   * headline's {@code headlineWeight} on exact terms: the inverse of {@link #sharedWeightNeeded}.
   */
  double ceiling(double sharedWeight, double headlineWeight) {
    double least = Math.min(substitution, added);
    double shared = Math.min(sharedWeight, headlineWeight);
    return shared / (shared + least * (headlineWeight - shared));
  }

  /**
   * Whether pairing misspelt words could change the verdict: only for a story close enough
   * that a word or two replaced on both sides stand in the way.
   */
  boolean worthPairing(Overlap o) {
    int replaced = Math.min(o.onlyNewTerms, o.onlyStoryTerms);
    return replaced >= 1 && replaced <= maxReplacedTerms + 1 && o.sharedTerms + 1 >= minShared;
  }

  double score(Overlap o) {
    if (o.sharedTerms < minShared || o.shared <= 0) {
      return VETOED;
    }
    if (Math.min(o.onlyNewTerms, o.onlyStoryTerms) > maxReplacedTerms) {
      return VETOED;
    }
    if (Math.min(o.onlyNewNames, o.onlyStoryNames) > nameConflict * o.shared) {
      return VETOED;
    }
    double replaced = Math.min(o.onlyNew, o.onlyStory);
    double penalty = substitution * replaced + added * (o.onlyNew - replaced) + dropped * (o.onlyStory - replaced);
    return o.shared / (o.shared + penalty);
  }
}
