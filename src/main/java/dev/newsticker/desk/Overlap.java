package dev.newsticker.desk;

/**
 * What a headline and a story have in common and what each has alone, in term weight and in
 * number of terms; filled by one merge of their sorted terms and reused from call to call.
 */
final class Overlap {
  double shared;
  int sharedTerms;
  double onlyNew;
  double onlyNewNames;
  int onlyNewTerms;
  double onlyStory;
  double onlyStoryNames;
  int onlyStoryTerms;

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

  void onlyNew(double weight, boolean name) {
    onlyNew += weight;
    onlyNewNames += name ? weight : 0;
    onlyNewTerms++;
  }

  void onlyStory(double weight, boolean name) {
    onlyStory += weight;
    onlyStoryNames += name ? weight : 0;
    onlyStoryTerms++;
  }
}
