package dev.newsticker.desk;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The inverted index of the matcher: terms interned into int ids, how many live stories use
 * each term (its document frequency), which story slots use it, and how often it was seen
 * capitalised or lower-case in mid-headline (whether it is a name). A posting holds the slot
 * and the story's term signature side by side, so that a scan can rule stories out without
 * reading anything else of them.
 * <p>
 * A term used by more than {@code maxPostings} stories loses its posting list for good (until
 * it falls out of use): such a term is too common to find candidates by, and scanning it would
 * make the cost of a match grow with the window. It still counts when candidates are scored.
 * A term no live story uses is forgotten and its id reused, so the vocabulary follows the window.
 */
final class TermIndex {
  private static final int SATURATED = -1;

  private final int maxPostings;
  private final Map<String, Integer> ids = new HashMap<>();
  private String[] terms = new String[1024];
  private int[] df = new int[1024];
  private int[] nameEvidence = new int[1024];
  private int[] lowerEvidence = new int[1024];
  /** Per term: slot at 2i, signature at 2i + 1, for i below the posting count. */
  private long[][] postings = new long[1024][];
  private int[] postingSize = new int[1024];
  private int[] freeIds = new int[64];
  private int freeCount;
  private int nextId;

  TermIndex(int maxPostings) {
    this.maxPostings = maxPostings;
  }

  /** The id of a term in use, or -1. */
  int find(String term) {
    Integer id = ids.get(term);
    return id == null ? -1 : id;
  }

  String term(int id) {
    return terms[id];
  }

  int df(int id) {
    return id < 0 ? 0 : df[id];
  }

  /** The postings of a term (see {@link #postings}), valid up to {@link #postingCount}; null when the term is too common to scan. */
  long[] postings(int id) {
    return postings[id];
  }

  int postingCount(int id) {
    return postingSize[id];
  }

  /** 1 when mid-headline capitals outweigh lower-case uses, -1 for the reverse, 0 when unknown. */
  int nameVote(int id) {
    if (id < 0) {
      return 0;
    }
    return Integer.compare(nameEvidence[id], lowerEvidence[id]);
  }

  /** The id of a term, interned if new; {@link #add} must follow, or the id leaks. */
  int intern(String term) {
    Integer known = ids.get(term);
    if (known != null) {
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
    df[id]++;
    if (evidence) {
      if (capitalised) {
        nameEvidence[id]++;
      } else {
        lowerEvidence[id]++;
      }
    }
    int size = postingSize[id];
    if (size == SATURATED) {
      return;
    }
    if (size == maxPostings) {
      postings[id] = null;
      postingSize[id] = SATURATED;
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
    postingSize[id] = size + 1;
  }

  /** Undoes {@link #add} for one term of the story in {@code slot}. */
  void remove(int id, int slot, boolean evidence, boolean capitalised) {
    if (evidence) {
      if (capitalised) {
        nameEvidence[id]--;
      } else {
        lowerEvidence[id]--;
      }
    }
    int size = postingSize[id];
    long[] list = postings[id];
    for (int i = 0; i < size; i++) {
      if (list[2 * i] == slot) {
        list[2 * i] = list[2 * size - 2];
        list[2 * i + 1] = list[2 * size - 1];
        postingSize[id] = size - 1;
        break;
      }
    }
    if (--df[id] == 0) {
      release(id);
    }
  }

  private void release(int id) {
    ids.remove(terms[id]);
    terms[id] = null;
    nameEvidence[id] = 0;
    lowerEvidence[id] = 0;
    postings[id] = null;
    postingSize[id] = 0;
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, freeCount * 2);
    }
    freeIds[freeCount++] = id;
  }

  private void grow() {
    int capacity = terms.length * 2;
    terms = Arrays.copyOf(terms, capacity);
    df = Arrays.copyOf(df, capacity);
    nameEvidence = Arrays.copyOf(nameEvidence, capacity);
    lowerEvidence = Arrays.copyOf(lowerEvidence, capacity);
    postings = Arrays.copyOf(postings, capacity);
    postingSize = Arrays.copyOf(postingSize, capacity);
  }
}
