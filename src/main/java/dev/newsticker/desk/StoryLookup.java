package dev.newsticker.desk;

import dev.newsticker.model.Story;
import dev.newsticker.store.StoreUnavailableException;
import dev.newsticker.store.StoryDetail;
import dev.newsticker.store.StoryStore;

import io.vertx.core.Future;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * What the desk reads from the store while it decides: the stories themselves and the identity
 * keys, which it does not hold. Blocking: called on the desk's worker, within its queue, so the
 * store already holds every decision before this one.
 */
interface StoryLookup {

  /** The live stories the identity keys lead to, by key. */
  Map<String, Story> byKeys(Collection<String> keys);

  /** The live story with this id. */
  Optional<Story> live(String id);

  static StoryLookup of(StoryStore store) {
    return new StoryLookup() {
      @Override
      public Map<String, Story> byKeys(Collection<String> keys) {
        return read(store.liveStoriesByKey(keys));
      }

      @Override
      public Optional<Story> live(String id) {
        return read(store.story(id)).map(StoryDetail::story).filter(story -> !story.removed());
      }
    };
  }

  /** Waits for the read; Vert.x refuses its own await on a worker thread, so this blocks plainly. */
  private static <T> T read(Future<T> read) {
    try {
      return read.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof StoreUnavailableException unavailable ? unavailable
        : new StoreUnavailableException("the desk could not read the store", e.getCause());
    }
  }
}
