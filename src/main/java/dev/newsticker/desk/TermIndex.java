package dev.newsticker.desk;

import java.util.Arrays;

/**
 * The inverted index of the matcher: terms interned into int ids, how many live stories use
 * each term (its document frequency), which story slots use it, and how often it was seen
 * capitalised or lower-case in mid-headline (whether it is a name). A posting holds the slot
 * and the story's term signature side by side, so that a scan can rule stories out without
 * reading anything else of them. Postings stay in the order the stories were indexed, which is
 * the order of their last update (the desk indexes a story when it changes, and rebuilds by last
 * seq), so the end of a list holds the stories updated last.
 * <p>
 * A term used by more than {@code maxPostings} stories loses its posting list for good (until
 * it falls out of use): such a term is too common to find candidates by. It still counts when
 * candidates are scored. A term no live story uses is forgotten and its id reused, so the
 * vocabulary follows the window. What a query reads per term lies close together (one table slot
 * to find it, one run of counts), since in a large window each separate read is a cache miss.
 */
final class TermIndex {
  private static final int SATURATED = -1;
  /** The counts of a term side by side in {@link #counts}, so that a query reads one cache line per term. */
  private static final int DF = 0;
  private static final int NAME_EVIDENCE = 1;
  private static final int LOWER_EVIDENCE = 2;
  private static final int POSTING_COUNT = 3;
  private static final int STRIDE = 4;

  private final int maxPostings;
  private final TermIds ids = new TermIds();
  private String[] terms = new String[1024];
  private int[] counts = new int[1024 * STRIDE];
  /** Per term: slot at 2i, signature at 2i + 1, for i below the posting count, in the order indexed. */
  private long[][] postings = new long[1024][];
  private int[] freeIds = new int[64];
  private int freeCount;
  private int nextId;

  TermIndex(int maxPostings) {
    this.maxPostings = maxPostings;
  }

  /** The id of a term in use, or -1. */
  int find(String term) {
    return ids.get(term);
  }

  String term(int id) {
    return terms[id];
  }

  int df(int id) {
    return id < 0 ? 0 : counts[id * STRIDE + DF];
  }

  /** The postings of a term (see {@link #postings}), valid up to {@link #postingCount}; null when the term is too common to scan. */
  long[] postings(int id) {
    return postings[id];
  }

  int postingCount(int id) {
    return counts[id * STRIDE + POSTING_COUNT];
  }

  /** 1 when mid-headline capitals outweigh lower-case uses, -1 for the reverse, 0 when unknown. */
  int nameVote(int id) {
    if (id < 0) {
      return 0;
    }
    return Integer.compare(counts[id * STRIDE + NAME_EVIDENCE], counts[id * STRIDE + LOWER_EVIDENCE]);
  }

  /** The id of a term, interned if new; {@link #add} must follow, or the id leaks. */
  int intern(String term) {
    int known = ids.get(term);
    if (known >= 0) {
      return known;
    }
    int id = freeCount > 0 ? freeIds[--freeCount] : nextId++;
    if (id == terms.length) {
      grow();
    }
    ids.put(term, id);
    terms[id] = term;
    return id;
  }

  /** Records that the story in {@code slot}, whose terms have this signature, uses a term. */
  void add(int id, int slot, long signature, boolean evidence, boolean capitalised) {
    int at = id * STRIDE;
    counts[at + DF]++;
    if (evidence) {
      counts[at + (capitalised ? NAME_EVIDENCE : LOWER_EVIDENCE)]++;
    }
    int size = counts[at + POSTING_COUNT];
    if (size == SATURATED) {
      return;
    }
    if (size == maxPostings) {
      postings[id] = null;
      counts[at + POSTING_COUNT] = SATURATED;
      return;
    }
    long[] list = postings[id];
    if (list == null) {
      list = new long[4];
    } else if (2 * size == list.length) {
      list = Arrays.copyOf(list, 2 * Math.min(maxPostings, size * 2));
    }
    list[2 * size] = slot;
    list[2 * size + 1] = signature;
    postings[id] = list;
    counts[at + POSTING_COUNT] = size + 1;
  }

  /** Undoes {@link #add} for one term of the story in {@code slot}. */
  void remove(int id, int slot, boolean evidence, boolean capitalised) {
    int at = id * STRIDE;
    if (evidence) {
      counts[at + (capitalised ? NAME_EVIDENCE : LOWER_EVIDENCE)]--;
    }
    int size = counts[at + POSTING_COUNT];
    long[] list = postings[id];
    for (int i = 0; i < size; i++) {
      if (list[2 * i] == slot) {
        // shifted, not swapped: the list stays in the order stories were last updated
        System.arraycopy(list, 2 * i + 2, list, 2 * i, 2 * (size - i - 1));
        counts[at + POSTING_COUNT] = size - 1;
        break;
      }
    }
    if (--counts[at + DF] == 0) {
      release(id);
    }
  }

  private void release(int id) {
    ids.remove(terms[id]);
    terms[id] = null;
    Arrays.fill(counts, id * STRIDE, id * STRIDE + STRIDE, 0);
    postings[id] = null;
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, freeCount * 2);
    }
    freeIds[freeCount++] = id;
  }

  private void grow() {
    int capacity = terms.length * 2;
    terms = Arrays.copyOf(terms, capacity);
    counts = Arrays.copyOf(counts, capacity * STRIDE);
    postings = Arrays.copyOf(postings, capacity);
  }
}
