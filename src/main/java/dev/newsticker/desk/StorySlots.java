package dev.newsticker.desk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stories of the matcher, each in a numbered slot so that posting lists hold plain ints:
 * its id, when it was last updated and its sorted, encoded terms. Freed slots are reused.
 */
final class StorySlots {
  private final Map<String, Integer> slotOf = new HashMap<>();
  private String[] ids = new String[1024];
  private long[] updatedAt = new long[1024];
  private int[][] terms = new int[1024][];
  private int[] free = new int[64];
  private int freeCount;
  private int next;

  int find(String id) {
    Integer slot = slotOf.get(id);
    return slot == null ? -1 : slot;
  }

  int allocate(String id, long updated) {
    int slot = freeCount > 0 ? free[--freeCount] : next++;
    if (slot == ids.length) {
      int capacity = ids.length * 2;
      ids = Arrays.copyOf(ids, capacity);
      updatedAt = Arrays.copyOf(updatedAt, capacity);
      terms = Arrays.copyOf(terms, capacity);
    }
    slotOf.put(id, slot);
    ids[slot] = id;
    updatedAt[slot] = updated;
    return slot;
  }

  void setTerms(int slot, int[] encoded) {
    terms[slot] = encoded;
  }

  void release(int slot) {
    slotOf.remove(ids[slot]);
    ids[slot] = null;
    terms[slot] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = slot;
  }

  String id(int slot) {
    return ids[slot];
  }

  long updatedAt(int slot) {
    return updatedAt[slot];
  }

  int[] terms(int slot) {
    return terms[slot];
  }

  int size() {
    return slotOf.size();
  }

  List<String> idsUpdatedBefore(long cutoff) {
    List<String> stale = new ArrayList<>();
    for (int slot = 0; slot < next; slot++) {
      if (ids[slot] != null && updatedAt[slot] < cutoff) {
        stale.add(ids[slot]);
      }
    }
    return stale;
  }
}
