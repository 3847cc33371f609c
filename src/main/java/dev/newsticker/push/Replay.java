package dev.newsticker.push;

import dev.newsticker.model.StoryFilter;
import dev.newsticker.store.Snapshot;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/** Where catching-up readers get what they missed: the recent-events cache first, the store beyond it. */
public final class Replay {
  private final StoryStore store;
  private final RecentEvents recent;
  private final int maxReplay;
  private final PushMetrics metrics;

  public Replay(StoryStore store, RecentEvents recent, int maxReplay, PushMetrics metrics) {
    this.store = store;
    this.recent = recent;
    this.maxReplay = maxReplay;
    this.metrics = metrics;
  }

  /** Every event after {@code since}, oldest first; empty when more than the replay bound are missing. */
  public Future<Optional<List<OutboundEvent>>> after(long since) {
    Optional<List<OutboundEvent>> cached = recent.after(since);
    metrics.replayed(cached.isPresent());
    if (cached.isPresent()) {
      return Future.succeededFuture(cached.get().size() > maxReplay ? Optional.empty() : cached);
    }
    // seqs are contiguous: a first event later than since + 1 means retention pruned what the reader missed
    return store.eventsAfter(since, maxReplay + 1).map(events -> events.size() > maxReplay
      || !events.isEmpty() && events.get(0).seq() != since + 1
      ? Optional.empty()
      : Optional.of(events.stream().map(OutboundEvent::of).toList()));
  }

  /**
   * Whether {@code since} is past the newest event of the log (a reader's seq from before the
   * store was restored from an older copy): nothing it waits for will ever come. The store is
   * asked only when the cache has nothing that new, and it is the truth: what it holds was stored
   * before any node published it.
   */
  public Future<Boolean> beyondLog(long since) {
    if (since <= recent.newestSeq()) {
      return Future.succeededFuture(false);
    }
    return store.newest(0, StoryFilter.ALL, null).map(snapshot -> since > snapshot.seq());
  }

  /**
   * The newest {@code size} stories. A reader that wants none (a ticker that only follows live
   * events) needs only the current seq, which the cache knows without a store query.
   */
  public Future<Snapshot> snapshot(int size, StoryFilter filter) {
    long newest = recent.newestSeq();
    if (size == 0 && newest > 0) {
      return Future.succeededFuture(new Snapshot(newest, List.of()));
    }
    return store.newest(size, filter, null);
  }
}
