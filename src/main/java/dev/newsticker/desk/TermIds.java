package dev.newsticker.desk;

/**
 * Term texts to ids: an open-addressing table whose slots hold a term's hash and id side by
 * side, so a lookup reads one slot and compares one string. A HashMap would also read a node
 * and a boxed id, each a likely cache miss once the vocabulary of a large window outgrows the
 * caches.
 */
final class TermIds {
  private static final long EMPTY = 0;

  /** Per slot: the term's hash in the high half, its id + 1 in the low half; 0 when empty. */
  private long[] slots = new long[2048];
  private String[] keys = new String[2048];
  private int count;

  /** The id of a term, or -1. */
  int get(String term) {
    int hash = term.hashCode();
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == EMPTY) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash && keys[i].equals(term)) {
        return (int) slot - 1;
      }
    }
  }

  /** Maps a term that has no id yet. */
  void put(String term, int id) {
    if (2 * (count + 1) > slots.length) {
      resize(slots.length * 2);
    }
    insert(term, term.hashCode(), id);
    count++;
  }

  void remove(String term) {
    int hash = term.hashCode();
    int mask = slots.length - 1;
    int i = spread(hash) & mask;
    while (slots[i] != EMPTY && !((int) (slots[i] >>> 32) == hash && keys[i].equals(term))) {
      i = (i + 1) & mask;
    }
    if (slots[i] == EMPTY) {
      return;
    }
    count--;
    // Backward-shift deletion: later entries of the probe run move up, so no tombstones pile up.
    for (int next = (i + 1) & mask; slots[next] != EMPTY; next = (next + 1) & mask) {
      int home = spread((int) (slots[next] >>> 32)) & mask;
      if (((next - home) & mask) >= ((next - i) & mask)) {
        slots[i] = slots[next];
        keys[i] = keys[next];
        i = next;
      }
    }
    slots[i] = EMPTY;
    keys[i] = null;
  }

  private void insert(String term, int hash, int id) {
    int mask = slots.length - 1;
    int i = spread(hash) & mask;
    while (slots[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    slots[i] = (long) hash << 32 | (id + 1L);
    keys[i] = term;
  }

  private void resize(int capacity) {
    long[] oldSlots = slots;
    String[] oldKeys = keys;
    slots = new long[capacity];
    keys = new String[capacity];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != EMPTY) {
        insert(oldKeys[i], (int) (oldSlots[i] >>> 32), (int) oldSlots[i] - 1);
      }
    }
  }

  private static int spread(int hash) {
    return hash * 0x9E3779B9 >>> 7 ^ hash;
  }
}
