package dev.newsticker.desk;

import java.util.ArrayList;
import java.util.List;

/**
 * How a desk did on one evaluation set: of the items that truly update an earlier story, how
 * many it merged there (recall); of the items that are different news from a look-alike, how
 * many it merged anyway (false-merge rate); of all its merges, how many were right (precision).
 * Every wrong decision is kept with a line that explains it.
 */
final class DeskScore {
  final String name;
  int sameNews;
  int merged;
  int differentNews;
  int falseMerges;
  /** Merges of items that are neither a true update nor a labelled look-alike: wrong all the same. */
  int strayMerges;
  final List<String> wrong = new ArrayList<>();

  DeskScore(String name) {
    this.name = name;
  }

  void sameNews(boolean wasMerged, String explanation) {
    sameNews++;
    if (wasMerged) {
      merged++;
    } else {
      wrong.add("MISSED  " + explanation);
    }
  }

  void differentNews(boolean wasMerged, String explanation) {
    differentNews++;
    if (wasMerged) {
      falseMerges++;
      wrong.add("MERGED  " + explanation);
    }
  }

  void strayMerge(String explanation) {
    strayMerges++;
    wrong.add("MERGED  " + explanation);
  }

  double recall() {
    return sameNews == 0 ? 1 : (double) merged / sameNews;
  }

  double falseMergeRate() {
    return differentNews == 0 ? 0 : (double) falseMerges / differentNews;
  }

  double precision() {
    int all = merged + falseMerges + strayMerges;
    return all == 0 ? 1 : (double) merged / all;
  }

  String summary() {
    return String.format("%-22s recall %.3f (%d of %d)  false-merge rate %.3f (%d of %d)  precision %.3f%s",
      name, recall(), merged, sameNews, falseMergeRate(), falseMerges, differentNews, precision(),
      strayMerges == 0 ? "" : "  (" + strayMerges + " merges into an unrelated story)");
  }
}
