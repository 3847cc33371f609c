package dev.newsticker.push;

import dev.newsticker.store.Snapshot;
import dev.newsticker.store.StoryFilter;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/** Where catching-up readers get what they missed: the recent-events cache first, the store beyond it. */
public final class Replay {
  private final StoryStore store;
  private final RecentEvents recent;
  private final int maxReplay;

  public Replay(StoryStore store, RecentEvents recent, int maxReplay) {
    this.store = store;
    this.recent = recent;
    this.maxReplay = maxReplay;
  }

  /** Every event after {@code since}, oldest first; empty when more than the replay bound are missing. */
  public Future<Optional<List<OutboundEvent>>> after(long since) {
    Optional<List<OutboundEvent>> cached = recent.after(since);
    if (cached.isPresent()) {
      return Future.succeededFuture(cached.get().size() > maxReplay ? Optional.empty() : cached);
    }
    // seqs are contiguous: a first event later than since + 1 means retention pruned what the reader missed
    return store.eventsAfter(since, maxReplay + 1).map(events -> events.size() > maxReplay
      || !events.isEmpty() && events.get(0).seq() != since + 1
      ? Optional.empty()
      : Optional.of(events.stream().map(OutboundEvent::of).toList()));
  }

  public Future<Snapshot> snapshot(int size, StoryFilter filter) {
    return store.newest(size, filter, null);
  }
}
