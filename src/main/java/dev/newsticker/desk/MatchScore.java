package dev.newsticker.desk;

/**
 * Scores a headline against a story from the weights of their terms: shared, only in the
 * headline ("added"), only in the story ("dropped"). Weight missing on both sides counts as a
 * substitution, the strongest sign of a different story; one-sided weight is a qualifier
 * dropped or a clause added. The score is shared / (shared + penalties), 1 for equal sets.
 * Names replaced on both sides ("Alcaraz" for "Sinner", "Pakistan" for "Nigeria") veto a match.
 */
final class MatchScore {
  static final double VETOED = -1;

  private final double substitution;
  private final double added;
  private final double dropped;
  private final double nameConflict;
  private final double threshold;
  private final int minShared;

  MatchScore(MatcherSettings settings) {
    this.substitution = settings.substitutionPercent() / 100.0;
    this.added = settings.addedPercent() / 100.0;
    this.dropped = settings.droppedPercent() / 100.0;
    this.nameConflict = settings.nameConflictPercent() / 100.0;
    this.threshold = settings.thresholdPercent() / 100.0;
    this.minShared = settings.minSharedTerms();
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
   * @param shared      weight of the terms on both sides, {@code sharedTerms} of them
   * @param onlyNew     weight only the headline has, {@code onlyNewNames} of it names
   * @param onlyStory   weight only the story has, {@code onlyStoryNames} of it names
   */
  double score(double shared, int sharedTerms, double onlyNew, double onlyNewNames,
               double onlyStory, double onlyStoryNames) {
    if (sharedTerms < minShared || shared <= 0) {
      return VETOED;
    }
    if (Math.min(onlyNewNames, onlyStoryNames) > nameConflict * shared) {
      return VETOED;
    }
    double replaced = Math.min(onlyNew, onlyStory);
    double penalty = substitution * replaced + added * (onlyNew - replaced) + dropped * (onlyStory - replaced);
    return shared / (shared + penalty);
  }
}
