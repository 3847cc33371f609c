package dev.newsticker.guard;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One accepted connection as the admission sees it: where it comes from, how many were open when
 * it was accepted (it included), whether its first request head has come, whether it holds a
 * reader's slot. Fields other than the final ones are touched on the connection's event loop only.
 */
final class Ticket {
  final Channel channel;
  final String address;
  /** Connections open when this one was accepted, this one included. */
  final int rank;
  /** Connections from its address open when this one was accepted, this one included. */
  final int addressRank;
  private volatile boolean headSeen;
  private ScheduledFuture<?> headTimer;
  /** Over HTTP/1.1 a connection carries one stream at a time: it holds at most one reader's slot, until it closes. */
  boolean reader;

  Ticket(Channel channel, String address, int rank, int addressRank) {
    this.channel = channel;
    this.address = address;
    this.rank = rank;
    this.addressRank = addressRank;
  }

  boolean headSeen() {
    return headSeen;
  }

  /** True the first time only. */
  boolean markHeadSeen() {
    if (headSeen) {
      return false;
    }
    headSeen = true;
    stopHeadTimer();
    return true;
  }

  void headTimer(ScheduledFuture<?> timer) {
    headTimer = timer;
  }

  void stopHeadTimer() {
    if (headTimer != null) {
      headTimer.cancel(false);
      headTimer = null;
    }
  }
}
