package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;
import dev.newsticker.store.StoryChange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stories and identity keys one desk request reads and changes. The desk does not hold them:
 * each is read from the store ({@link StoryLookup}) the first time the request needs it, and then
 * seen as the request left it, so later items of a batch see the decisions on earlier ones. A new
 * workspace for every request; the old one goes with its stories and bodies.
 */
final class Workspace {
  private final StoryLookup lookup;
  /** A story read and found missing, or gone within the request, maps to null. */
  private final Map<String, Story> stories = new HashMap<>();
  /** Key to the story it leads to; a key read and found leading to none maps to null. */
  private final Map<String, String> keys = new HashMap<>();

  Workspace(StoryLookup lookup) {
    this.lookup = lookup;
  }

  /** The live story, as this request left it or else as the store has it; null when there is none. */
  Story story(String storyId) {
    if (!stories.containsKey(storyId)) {
      stories.put(storyId, lookup.live(storyId).orElse(null));
    }
    return stories.get(storyId);
  }

  /** The story a key leads to (read from the store the first time); null when it leads to none. */
  String owner(String key) {
    if (!keys.containsKey(key)) {
      readKeys(List.of(key));
    }
    return keys.get(key);
  }

  /** The story is gone for the rest of the request: retracted, or merged ({@code keysTo} then takes its keys). */
  void forget(String storyId, String keysTo) {
    stories.put(storyId, null);
    keys.replaceAll((key, owner) -> storyId.equals(owner) ? keysTo : owner);
  }

  /** Reads from the store, in one query, which live stories these keys lead to (those not read yet). */
  void readKeys(List<String> wanted) {
    List<String> unread = wanted.stream().filter(key -> !keys.containsKey(key)).distinct().toList();
    if (unread.isEmpty()) {
      return;
    }
    Map<String, Story> found = lookup.byKeys(unread);
    for (String key : unread) {
      Story story = found.get(key);
      keys.put(key, story == null ? null : story.id());
      if (story != null) {
        stories.putIfAbsent(story.id(), story);
      }
    }
  }


  void record(StoryChange change) {
    Story story = change.story();
    stories.put(story.id(), story);
    change.newKeys().forEach(key -> keys.put(key, story.id()));
  }

  /** An item's identity keys: its source's id, when it has one, and its headline. */
  static List<String> keysOf(FeedItem item) {
    String idKey = Headlines.idKey(item);
    String headlineKey = Headlines.headlineKey(item.headline());
    return idKey == null ? List.of(headlineKey) : List.of(idKey, headlineKey);
  }
}
