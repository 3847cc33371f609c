package dev.newsticker.desk;

import java.util.Arrays;

/**
 * The stories that a headline's posting scan turned up, each once, in the order found, with
 * the weight of the scanned terms each has; reused from call to call. Each is added at its
 * first posting, so the matcher checks each one once, right after the list that found it.
 * A small hash table of its own, rather than an array over all slots, finds a story again: it
 * stays in the cache however large the window.
 */
final class Candidates {
  private int[] slots = new int[64];
  private float[] reach = new float[64];
  /** Open addressing by slot: the position in {@link #slots} + 1, 0 when empty. */
  private int[] table = new int[128];
  /** Per candidate: its cell in {@link #table}, to clear it. */
  private int[] cells = new int[64];
  private int count;

  /**
   * Adds the stories of postings {@code [from, to)} of a term weighing {@code weight}, passing
   * over those whose signature shows them lacking more than {@code missable} weight of the terms
   * the query still tests.
   */
  void scan(long[] postings, int from, int to, float weight, HeadlineQuery query, double missable) {
    for (int p = from; p < to; p++) {
      if (query.mayShare(postings[2 * p + 1], missable)) {
        int at = positionOf((int) postings[2 * p]);
        reach[at] += weight;
      }
    }
  }

  int count() {
    return count;
  }

  /** The slot of the i-th candidate. */
  int slot(int i) {
    return slots[i];
  }

  /** The weight of the scanned terms the i-th candidate has. */
  float reach(int i) {
    return reach[i];
  }

  void clear() {
    for (int i = 0; i < count; i++) {
      table[cells[i]] = 0;
    }
    count = 0;
  }

  private int positionOf(int slot) {
    if (2 * (count + 1) > table.length) {
      grow();
    }
    int mask = table.length - 1;
    int cell = cellOf(slot, mask);
    for (; table[cell] != 0; cell = (cell + 1) & mask) {
      if (slots[table[cell] - 1] == slot) {
        return table[cell] - 1;
      }
    }
    if (count == slots.length) {
      slots = Arrays.copyOf(slots, count * 2);
      reach = Arrays.copyOf(reach, count * 2);
      cells = Arrays.copyOf(cells, count * 2);
    }
    table[cell] = count + 1;
    cells[count] = cell;
    slots[count] = slot;
    reach[count] = 0;
    return count++;
  }

  private void grow() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int i = 0; i < count; i++) {
      int cell = cellOf(slots[i], mask);
      while (table[cell] != 0) {
        cell = (cell + 1) & mask;
      }
      table[cell] = i + 1;
      cells[i] = cell;
    }
  }

  private static int cellOf(int slot, int mask) {
    int hash = slot * 0x9E3779B9;
    return (hash ^ hash >>> 16) & mask;
  }
}
