package dev.newsticker.store;

import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable stories, revisions and the event log. The desk is its only writer; anyone may read.
 * Every method completes off the event loop's back: implementations run blocking work on workers.
 */
public interface StoryStore {

  /** Opens the store, creating or migrating its schema. */
  Future<Void> open();

  /** Writes a batch of desk decisions atomically: all of it is durable, or none of it. */
  Future<Void> append(List<StoryChange> changes);

  /**
   * What the desk needs to rebuild its state: the live stories updated at {@code since} or later,
   * at most {@code limit} of them (the last changed), and the breaking ones with an end.
   */
  Future<DeskState> loadDeskState(Instant since, int limit);

  /** The live stories that identity keys lead to, by key; a key that leads to none is left out. */
  Future<Map<String, Story>> liveStoriesByKey(Collection<String> keys);

  /** Events with a seq greater than {@code afterSeq}, oldest first, at most {@code limit}. */
  Future<List<StoryEvent>> eventsAfter(long afterSeq, int limit);

  /** The newest {@code limit} live stories matching the filter, last changed first, changed before {@code beforeSeq} when given. */
  Future<Snapshot> newest(int limit, StoryFilter filter, Long beforeSeq);

  Future<Optional<StoryDetail>> story(String id);

  /** Whether the store answers right now. */
  Future<Boolean> ready();

  Future<Void> close();
}
