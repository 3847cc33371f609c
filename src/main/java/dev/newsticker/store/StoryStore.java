package dev.newsticker.store;

import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.Future;

import java.util.List;
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

  /** Everything the desk needs to rebuild its state. */
  Future<DeskState> loadDeskState();

  /** Events with a seq greater than {@code afterSeq}, oldest first, at most {@code limit}. */
  Future<List<StoryEvent>> eventsAfter(long afterSeq, int limit);

  /** The newest {@code limit} live stories matching the filter, last changed first, changed before {@code beforeSeq} when given. */
  Future<Snapshot> newest(int limit, StoryFilter filter, Long beforeSeq);

  Future<Optional<StoryDetail>> story(String id);

  /** Whether the store answers right now. */
  Future<Boolean> ready();

  Future<Void> close();
}
