package dev.newsticker.desk;

import java.util.ArrayList;
import java.util.List;

/** The few story slots with the largest weights offered, largest first; ties keep the earlier offer first. */
final class TopSlots {
  private final int limit;
  private final int[] slots;
  private final double[] weights;
  private int size;

  TopSlots(int limit) {
    this.limit = limit;
    this.slots = new int[limit];
    this.weights = new double[limit];
  }

  void offer(int slot, double weight) {
    int at = size;
    while (at > 0 && weights[at - 1] < weight) {
      at--;
    }
    if (at >= limit) {
      return;
    }
    int moved = Math.min(size, limit - 1) - at;
    System.arraycopy(slots, at, slots, at + 1, moved);
    System.arraycopy(weights, at, weights, at + 1, moved);
    slots[at] = slot;
    weights[at] = weight;
    size = Math.min(size + 1, limit);
  }

  List<Integer> slots() {
    List<Integer> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(slots[i]);
    }
    return list;
  }
}
