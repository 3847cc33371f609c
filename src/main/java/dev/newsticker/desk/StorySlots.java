package dev.newsticker.desk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stories of the matcher, each in a numbered slot so that posting lists hold plain ints:
 * its id, when it was last updated and its sorted, encoded terms. Freed slots are reused.
 * <p>
 * What checking a candidate reads (update time, term count, terms) lies in one fixed-size block
 * per slot of a single array, so that a candidate costs one or two cache lines rather than an
 * array reference and a separate array: in a large window each is a cache miss. A story with
 * more terms than a block holds keeps them in an array of its own.
 */
final class StorySlots {
  private static final int UPDATED_HIGH = 0;
  private static final int UPDATED_LOW = 1;
  private static final int TERM_COUNT = 2;
  private static final int TERMS = 3;
  private static final int STRIDE = 16;
  private static final int INLINE_TERMS = STRIDE - TERMS;

  private final Map<String, Integer> slotOf = new HashMap<>();
  private String[] ids = new String[1024];
  private int[] blocks = new int[1024 * STRIDE];
  /** The terms of stories with more than {@link #INLINE_TERMS}, by slot. */
  private int[][] longTerms = new int[1024][];
  private int[] free = new int[64];
  private int freeCount;
  private int next;

  int find(String id) {
    Integer slot = slotOf.get(id);
    return slot == null ? -1 : slot;
  }

  /** A slot for a story updated at {@code updated} whose sorted, encoded terms are {@code encoded}. */
  int allocate(String id, long updated, int[] encoded) {
    int slot = freeCount > 0 ? free[--freeCount] : next++;
    if (slot == ids.length) {
      int capacity = ids.length * 2;
      ids = Arrays.copyOf(ids, capacity);
      blocks = Arrays.copyOf(blocks, capacity * STRIDE);
      longTerms = Arrays.copyOf(longTerms, capacity);
    }
    slotOf.put(id, slot);
    ids[slot] = id;
    int at = slot * STRIDE;
    blocks[at + UPDATED_HIGH] = (int) (updated >>> 32);
    blocks[at + UPDATED_LOW] = (int) updated;
    blocks[at + TERM_COUNT] = encoded.length;
    if (encoded.length > INLINE_TERMS) {
      longTerms[slot] = encoded;
    } else {
      System.arraycopy(encoded, 0, blocks, at + TERMS, encoded.length);
    }
    return slot;
  }

  void release(int slot) {
    slotOf.remove(ids[slot]);
    ids[slot] = null;
    longTerms[slot] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = slot;
  }

  String id(int slot) {
    return ids[slot];
  }

  long updatedAt(int slot) {
    int at = slot * STRIDE;
    return (long) blocks[at + UPDATED_HIGH] << 32 | (blocks[at + UPDATED_LOW] & 0xFFFFFFFFL);
  }

  int termCount(int slot) {
    return blocks[slot * STRIDE + TERM_COUNT];
  }

  /** The array holding the story's terms, from {@link #termStart} on for {@link #termCount}. */
  int[] termArray(int slot) {
    return termCount(slot) > INLINE_TERMS ? longTerms[slot] : blocks;
  }

  int termStart(int slot) {
    return termCount(slot) > INLINE_TERMS ? 0 : slot * STRIDE + TERMS;
  }

  int size() {
    return slotOf.size();
  }

  /** The {@code count} stories updated least recently. */
  List<String> oldest(int count) {
    long[] times = new long[size()];
    int n = 0;
    for (int slot = 0; slot < next; slot++) {
      if (ids[slot] != null) {
        times[n++] = updatedAt(slot);
      }
    }
    Arrays.sort(times);
    long last = times[Math.min(count, n) - 1];
    List<String> oldest = new ArrayList<>(count);
    for (int slot = 0; slot < next; slot++) {
      if (ids[slot] != null && updatedAt(slot) < last) {
        oldest.add(ids[slot]);
      }
    }
    for (int slot = 0; slot < next && oldest.size() < count; slot++) {
      if (ids[slot] != null && updatedAt(slot) == last) {
        oldest.add(ids[slot]);
      }
    }
    return oldest;
  }

  List<String> idsUpdatedBefore(long cutoff) {
    List<String> stale = new ArrayList<>();
    for (int slot = 0; slot < next; slot++) {
      if (ids[slot] != null && updatedAt(slot) < cutoff) {
        stale.add(ids[slot]);
      }
    }
    return stale;
  }
}
