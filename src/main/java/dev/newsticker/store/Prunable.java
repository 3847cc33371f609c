package dev.newsticker.store;

import io.vertx.core.Future;

import java.time.Instant;

/**
 * A store whose history can be pruned by age, a small batch at a time so that writers never wait
 * long. Neither method removes a story, the newest event (the seq cursor) or a story's current
 * revision.
 */
public interface Prunable {

  /** Deletes up to {@code batchSize} events older than {@code before}; answers how many it deleted. */
  Future<Integer> pruneEvents(Instant before, int batchSize);

  /** Deletes up to {@code batchSize} past revisions older than {@code before}; answers how many it deleted. */
  Future<Integer> pruneRevisions(Instant before, int batchSize);
}
