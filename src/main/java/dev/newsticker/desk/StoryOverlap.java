package dev.newsticker.desk;

/**
 * Scores one story of the index against the loaded query: merges their sorted terms into shared
 * and one-sided weights, pairs corrected spellings, and hands the result to {@link MatchScore}.
 */
final class StoryOverlap {
  /** Shorter words one letter apart are usually different words: Iran and Iraq, hip and hit. */
  private static final int MISSPELT_MIN_LENGTH = 5;

  private final HeadlineQuery query;
  private final StorySlots slots;
  private final TermIndex terms;
  private final MatchScore scoring;
  private final HeadlineQuery.Weights weigher;
  private final Overlap overlap = new Overlap();

  StoryOverlap(HeadlineQuery query, StorySlots slots, TermIndex terms, MatchScore scoring,
               HeadlineQuery.Weights weigher) {
    this.query = query;
    this.slots = slots;
    this.terms = terms;
    this.scoring = scoring;
    this.weigher = weigher;
  }

  /** Merges the sorted terms of the query and of a story into shared and one-sided weights. */
  double score(int slot) {
    int[] story = slots.termArray(slot);
    int s = slots.termStart(slot);
    int end = s + slots.termCount(slot);
    overlap.reset();
    for (int q = 0; q < query.firstKnown; q++) {
      overlap.onlyNew(q, query.weights[q], query.names[q]);
    }
    int q = query.firstKnown;
    while (q < query.size || s < end) {
      int storyId = s < end ? story[s] >>> 2 : Integer.MAX_VALUE;
      int queryId = q < query.size ? query.ids[q] : Integer.MAX_VALUE;
      if (queryId == storyId) {
        overlap.shared(query.weights[q++]);
        s++;
      } else if (queryId < storyId) {
        overlap.onlyNew(q, query.weights[q], query.names[q]);
        q++;
      } else {
        boolean name = (story[s++] & SimilarityMatcher.NAME_BIT) != 0;
        overlap.onlyStory(storyId, weigher.weight(storyId, name), name);
      }
    }
    if (scoring.worthPairing(overlap)) {
      pairMisspellings();
    }
    return scoring.score(overlap);
  }

  /** A corrected spelling ("Beunos Aires" to "Buenos Aires") is the same word, not a replaced name. */
  private void pairMisspellings() {
    int newCount = overlap.rememberedNew();
    int storyCount = overlap.rememberedStory();
    for (int i = 0; i < newCount; i++) {
      int q = overlap.newTerms[i];
      for (int j = 0; j < storyCount; j++) {
        if (overlap.storyWeights[j] > 0
          && Spelling.isTypo(query.texts[q], terms.term(overlap.storyTerms[j]), 1, MISSPELT_MIN_LENGTH)) {
          overlap.pair(query.weights[q], query.names[q], j);
          break;
        }
      }
    }
  }
}
