package dev.newsticker.desk;

/**
 * What a headline and a story have in common and what each has alone, in term weight and in
 * number of terms; filled by one merge of their sorted terms and reused from call to call.
 * It remembers the unshared terms so that a misspelt word can be paired with its fix.
 */
final class Overlap {
  private static final int REMEMBERED = 16;
  double shared;
  int sharedTerms;
  double onlyNew;
  double onlyNewNames;
  int onlyNewTerms;
  double onlyStory;
  double onlyStoryNames;
  int onlyStoryTerms;
  final int[] newTerms = new int[REMEMBERED];
  final int[] storyTerms = new int[REMEMBERED];
  final double[] storyWeights = new double[REMEMBERED];
  final boolean[] storyNames = new boolean[REMEMBERED];

  void reset() {
    shared = 0;
    sharedTerms = 0;
    onlyNew = 0;
    onlyNewNames = 0;
    onlyNewTerms = 0;
    onlyStory = 0;
    onlyStoryNames = 0;
    onlyStoryTerms = 0;
  }

  void shared(double weight) {
    shared += weight;
    sharedTerms++;
  }

  /** @param term the term's position in the query */
  void onlyNew(int term, double weight, boolean name) {
    if (onlyNewTerms < REMEMBERED) {
      newTerms[onlyNewTerms] = term;
    }
    onlyNew += weight;
    onlyNewNames += name ? weight : 0;
    onlyNewTerms++;
  }

  /** @param term the term's id */
  void onlyStory(int term, double weight, boolean name) {
    if (onlyStoryTerms < REMEMBERED) {
      storyTerms[onlyStoryTerms] = term;
      storyWeights[onlyStoryTerms] = weight;
      storyNames[onlyStoryTerms] = name;
    }
    onlyStory += weight;
    onlyStoryNames += name ? weight : 0;
    onlyStoryTerms++;
  }

  int rememberedNew() {
    return Math.min(onlyNewTerms, REMEMBERED);
  }

  int rememberedStory() {
    return Math.min(onlyStoryTerms, REMEMBERED);
  }

  /** Counts a query term and a story term as one shared term: one is the other misspelt. */
  void pair(double newWeight, boolean newName, int storyIndex) {
    double storyWeight = storyWeights[storyIndex];
    shared += Math.min(newWeight, storyWeight);
    sharedTerms++;
    onlyNew -= newWeight;
    onlyNewNames -= newName ? newWeight : 0;
    onlyNewTerms--;
    onlyStory -= storyWeight;
    onlyStoryNames -= storyNames[storyIndex] ? storyWeight : 0;
    onlyStoryTerms--;
    storyWeights[storyIndex] = 0;
  }
}
