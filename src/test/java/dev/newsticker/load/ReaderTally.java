package dev.newsticker.load;

import io.vertx.core.buffer.Buffer;

import java.util.BitSet;

/**
 * One reader's receipts. Each published headline carries a token {@code ~~index.sentNanos~~};
 * this scans the raw bytes for it (no JSON parsing, so the tool stays cheap) and notes
 * duplicates and order by index. Frames may split a token across SSE chunks, so the unfinished
 * tail is carried over. Used on one event loop only.
 */
final class ReaderTally {
  private static final byte MARK = '~';
  private final Tally tally;
  private final BitSet seen = new BitSet();
  private Buffer carry;
  private int highest = -1;

  ReaderTally(Tally tally) {
    this.tally = tally;
  }

  void onData(Buffer chunk) {
    Buffer data = carry == null ? chunk : carry.copy().appendBuffer(chunk);
    carry = null;
    long now = Tally.now();
    int length = data.length();
    int at = 0;
    while (at < length) {
      int start = find(data, at, length);
      if (start < 0) {
        if (data.getByte(length - 1) == MARK) {
          carry = data.getBuffer(length - 1, length);
        }
        return;
      }
      int end = find(data, start + 2, length);
      if (end < 0) {
        carry = data.getBuffer(start, length);
        return;
      }
      token(data, start + 2, end, now);
      at = end + 2;
    }
  }

  private static int find(Buffer data, int from, int length) {
    for (int i = from; i < length - 1; i++) {
      if (data.getByte(i) == MARK && data.getByte(i + 1) == MARK) {
        return i;
      }
    }
    return -1;
  }

  private void token(Buffer data, int from, int to, long now) {
    long index = 0;
    int i = from;
    for (; i < to && data.getByte(i) != '.'; i++) {
      index = index * 10 + (data.getByte(i) - '0');
    }
    long sent = 0;
    for (i++; i < to; i++) {
      sent = sent * 10 + (data.getByte(i) - '0');
    }
    received((int) index, sent, now);
  }

  private void received(int index, long sent, long now) {
    tally.received.incrementAndGet();
    if (seen.get(index)) {
      tally.duplicated.incrementAndGet();
      return;
    }
    seen.set(index);
    tally.distinct.incrementAndGet();
    if (index < highest) {
      tally.outOfOrder.incrementAndGet();
    }
    highest = Math.max(highest, index);
    tally.latency(index, sent, now);
  }

  /** The highest headline index received, -1 before any. */
  int highest() {
    return highest;
  }
}
