package dev.newsticker.desk;

import dev.newsticker.model.Story;
import dev.newsticker.store.StoryChange;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store of the desk's decisions in memory, for a {@link StoryBook} run without a store. */
final class MemoryLookup implements StoryLookup {
  private final Map<String, Story> stories = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();

  /** Keeps what a batch decided, as the store would. */
  void store(List<StoryChange> changes) {
    for (StoryChange change : changes) {
      stories.put(change.story().id(), change.story());
      change.newKeys().forEach(key -> keys.put(key, change.story().id()));
    }
  }

  @Override
  public Map<String, Story> byKeys(Collection<String> wanted) {
    Map<String, Story> found = new HashMap<>();
    for (String key : wanted) {
      live(keys.get(key)).ifPresent(story -> found.put(key, story));
    }
    return found;
  }

  @Override
  public Optional<Story> live(String id) {
    return Optional.ofNullable(id == null ? null : stories.get(id)).filter(story -> !story.removed());
  }
}
