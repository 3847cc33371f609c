package dev.newsticker.desk;

import java.util.List;

/**
 * The headline being matched, reused from call to call: term ids sorted ascending (terms no
 * story uses, id -1, first), their weights, name flags and texts, their order by rarity, and
 * the signature masks of the known terms still to test, heaviest first.
 */
final class HeadlineQuery {
  /** How much a term weighs, given its id (-1 when no story uses it) and whether it is a name. */
  @FunctionalInterface
  interface Weights {
    double weight(int termId, boolean name);
  }

  private final TermIndex terms;
  private final Weights weigher;
  int[] ids = new int[32];
  double[] weights = new double[32];
  boolean[] names = new boolean[32];
  String[] texts = new String[32];
  int size;
  int firstKnown;
  int[] byRarity = new int[32];
  double totalWeight;
  double knownWeight;
  /** How many terms the last story {@link #sharedWeight} looked at shares with the query. */
  int sharedTerms;
  private long[] heavyMasks = new long[32];
  private double[] heavyWeights = new double[32];
  private int[] heavyTerms = new int[32];
  private int known;

  HeadlineQuery(TermIndex terms, Weights weigher) {
    this.terms = terms;
    this.weigher = weigher;
  }

  /** Three of 64 bits for a term id, picked by a multiplicative hash: with three, a story without the term seldom looks as if it had it. */
  static long signatureMask(int termId) {
    int hash = termId * 0x9E3779B9;
    return 1L << (hash >>> 26) | 1L << (hash >>> 20) | 1L << (hash >>> 14);
  }

  void load(List<HeadlineTerms> headline) {
    size = headline.size();
    if (size > ids.length) {
      ids = new int[size];
      weights = new double[size];
      names = new boolean[size];
      texts = new String[size];
      byRarity = new int[size];
      heavyMasks = new long[size];
      heavyWeights = new double[size];
      heavyTerms = new int[size];
    }
    totalWeight = 0;
    knownWeight = 0;
    for (int i = 0; i < size; i++) {
      HeadlineTerms term = headline.get(i);
      ids[i] = terms.find(term.term());
      names[i] = term.name();
      texts[i] = term.term();
      weights[i] = weigher.weight(ids[i], term.name());
      totalWeight += weights[i];
      knownWeight += ids[i] < 0 ? 0 : weights[i];
    }
    sortByIds();
    orderByRarity();
    firstKnown = 0;
    while (firstKnown < size && ids[firstKnown] < 0) {
      firstKnown++;
    }
    orderByWeight();
  }

  /**
   * Whether a story with this signature may lack no more than {@code missable} weight of the
   * terms still tested: terms whose bits it lacks are surely not in it. Heaviest terms first, so
   * most stories are ruled out after a term or two, without reading anything else of them.
   */
  boolean mayShare(long signature, double missable) {
    double missing = 0;
    for (int k = 0; k < known; k++) {
      long mask = heavyMasks[k];
      if ((signature & mask) != mask) {
        missing += heavyWeights[k];
        if (missing > missable) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The weight a story (its sorted, encoded terms {@code story[start, start + count)}) shares with
   * the query, by one merge of the two sorted lists; sets {@link #sharedTerms}.
   */
  double sharedWeight(int[] story, int start, int count) {
    double shared = 0;
    sharedTerms = 0;
    int s = start;
    int end = start + count;
    int q = firstKnown;
    while (q < size && s < end) {
      int storyId = story[s] >>> 2;
      if (ids[q] == storyId) {
        shared += weights[q++];
        sharedTerms++;
        s++;
      } else if (ids[q] < storyId) {
        q++;
      } else {
        s++;
      }
    }
    return shared;
  }

  /**
   * Leaves term {@code q} out of the signature tests from now on: it is the term whose posting
   * list is scanned next, which every story of the list has, and once the list has been scanned
   * whole any story found later surely lacks it.
   */
  void untest(int q) {
    int k = 0;
    while (k < known && heavyTerms[k] != q) {
      k++;
    }
    if (k < known) {
      known--;
      System.arraycopy(heavyMasks, k + 1, heavyMasks, k, known - k);
      System.arraycopy(heavyWeights, k + 1, heavyWeights, k, known - k);
      System.arraycopy(heavyTerms, k + 1, heavyTerms, k, known - k);
    }
  }

  /** Rarest first: they remove the most weight for the fewest postings scanned. */
  private void orderByRarity() {
    for (int i = 0; i < size; i++) {
      int term = i;
      int j = i - 1;
      while (j >= 0 && scanCost(byRarity[j]) > scanCost(term)) {
        byRarity[j + 1] = byRarity[j];
        j--;
      }
      byRarity[j + 1] = term;
    }
  }

  /** The known terms' signature masks, heaviest first. */
  private void orderByWeight() {
    known = 0;
    for (int i = firstKnown; i < size; i++) {
      long mask = signatureMask(ids[i]);
      double weight = weights[i];
      int j = known++ - 1;
      while (j >= 0 && heavyWeights[j] < weight) {
        heavyMasks[j + 1] = heavyMasks[j];
        heavyWeights[j + 1] = heavyWeights[j];
        heavyTerms[j + 1] = heavyTerms[j];
        j--;
      }
      heavyMasks[j + 1] = mask;
      heavyWeights[j + 1] = weight;
      heavyTerms[j + 1] = i;
    }
  }

  private double scanCost(int term) {
    return terms.df(ids[term]) / weights[term];
  }

  private void sortByIds() {
    for (int i = 1; i < size; i++) {
      int id = ids[i];
      double weight = weights[i];
      boolean name = names[i];
      String text = texts[i];
      int j = i - 1;
      while (j >= 0 && ids[j] > id) {
        ids[j + 1] = ids[j];
        weights[j + 1] = weights[j];
        names[j + 1] = names[j];
        texts[j + 1] = texts[j];
        j--;
      }
      ids[j + 1] = id;
      weights[j + 1] = weight;
      names[j + 1] = name;
      texts[j + 1] = text;
    }
  }
}
