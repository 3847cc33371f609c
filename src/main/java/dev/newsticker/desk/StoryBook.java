package dev.newsticker.desk;

import dev.newsticker.model.EventType;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import dev.newsticker.model.Story;
import dev.newsticker.store.DeskState;
import dev.newsticker.store.StoryChange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The desk's memory: every live story, the identity keys that lead to them and the last seq.
 * It decides what each item is ({@link ItemRevisions}) and records the decision at once, so later
 * items of the same batch see earlier ones; when a batch cannot be stored the desk rebuilds the
 * book from the store. Editors' actions live beside it ({@link EditorActions}, {@link MergeSplit}).
 * Used by one thread only.
 */
final class StoryBook {
  private final Map<String, Story> stories = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();
  private final StoryMatcher matcher;
  private final Categorizer categorizer;
  private final ItemRevisions items;
  /** Each story's partners in pairs an editor split or kept apart. */
  private final Map<String, Set<String>> apart = new HashMap<>();
  private Doubts doubts = Doubts.NONE;
  private boolean lastFoundByMatcher;
  private long topSeq;

  /** {@code breakingFor}: how long a breaking flag lasts when its publisher gives no end. */
  StoryBook(DeskState state, StoryMatcher matcher, ChangeKinds changeKinds, Categorizer categorizer,
            Duration breakingFor) {
    this.matcher = matcher;
    this.categorizer = categorizer;
    this.items = new ItemRevisions(this, changeKinds, breakingFor);
    this.topSeq = state.topSeq();
    state.stories().forEach(story -> {
      stories.put(story.id(), story);
      matcher.index(story);
    });
    keys.putAll(state.keys());
    state.apart().forEach(pair -> keepApart(pair.first(), pair.second()));
  }

  /** Where the desk's close calls go: kept by the desk across rebuilds of the book. */
  void doubts(Doubts kept) {
    this.doubts = kept;
  }

  /** What a batch of items does, in order: the changes to store and the answer for each item. */
  record Batch(List<StoryChange> changes, List<PublishResult> results) {

    static Batch of(StoryChange change) {
      Story story = change.story();
      return new Batch(List.of(change), List.of(new PublishResult(story.id(), story.lastSeq(), change.event().type())));
    }
  }

  Batch decide(List<FeedItem> batch, Instant now) {
    List<StoryChange> changes = new ArrayList<>();
    List<PublishResult> results = new ArrayList<>();
    for (FeedItem raw : batch) {
      // before the lookup: a "BREAKING:" label comes off the headline, so identity keys match
      FeedItem item = categorizer.categorize(raw);
      Optional<Story> known = find(item);
      StoryMatcher.Closeness judged = lastFoundByMatcher ? matcher.closest().orElse(null) : null;
      // a story keeps its category unless the item brings its own: another source's keyword guess does not move it
      StoryChange change = known.isPresent()
        ? items.revise(known.get(), raw.category() == null ? item.withCategory(null) : item, now)
        : items.create(item, now);
      if (change == null) {
        Story story = known.orElseThrow();
        results.add(new PublishResult(story.id(), story.lastSeq(), EventType.UNCHANGED));
        continue;
      }
      record(change);
      changes.add(change);
      if (judged != null && change.event() != null) {
        doubts.consider(judged, known.orElse(null), change, this, now);
      }
      Story story = change.story();
      String type = change.event() == null ? EventType.UNCHANGED : change.event().type();
      results.add(new PublishResult(story.id(), story.lastSeq(), type));
    }
    return new Batch(changes, results);
  }

  /** The stories whose breaking flag ends by itself: the desk keeps a timer for each. */
  List<Story> breakingWithEnd() {
    return stories.values().stream().filter(story -> story.breakingUntil() != null).toList();
  }

  Story story(String storyId) {
    return stories.get(storyId);
  }

  /** The story an identity key leads to, or null. */
  String keyOwner(String key) {
    return keys.get(key);
  }

  long topSeq() {
    return topSeq;
  }

  long nextSeq() {
    return ++topSeq;
  }

  /** The story leaves the book: retracted, or merged into another ({@code keysTo} then takes its keys). */
  void forget(String storyId, String keysTo) {
    stories.remove(storyId);
    if (keysTo == null) {
      keys.values().removeIf(storyId::equals);
    } else {
      keys.replaceAll((key, owner) -> owner.equals(storyId) ? keysTo : owner);
    }
    matcher.remove(storyId);
  }

  void keepApart(String one, String other) {
    apart.computeIfAbsent(one, id -> new HashSet<>()).add(other);
    apart.computeIfAbsent(other, id -> new HashSet<>()).add(one);
  }

  private Optional<Story> find(FeedItem item) {
    String idKey = Headlines.idKey(item);
    String storyId = idKey == null ? null : keys.get(idKey);
    if (storyId == null) {
      storyId = keys.get(Headlines.headlineKey(item.headline()));
    }
    lastFoundByMatcher = storyId == null;
    if (storyId == null) {
      storyId = matcher.match(item).orElse(null);
    }
    boolean byOwnId = idKey != null && storyId != null && storyId.equals(keys.get(idKey));
    return Optional.ofNullable(storyId).map(stories::get).map(found -> byOwnId ? found : keptWith(item, found));
  }

  /**
   * The story an item found by its wording belongs to: not {@code found} when an editor took the
   * item's source out of it into a story kept apart from it (a split), which still carries the
   * source. The desk never puts the two back together through that source's next items.
   */
  private Story keptWith(FeedItem item, Story found) {
    if (item.source() == null || found.hasSource(item.source())) {
      return found;
    }
    for (String partner : apart.getOrDefault(found.id(), Set.of())) {
      Story other = stories.get(partner);
      if (other != null && other.hasSource(item.source())) {
        return other;
      }
    }
    return found;
  }

  void record(StoryChange change) {
    Story story = change.story();
    stories.put(story.id(), story);
    change.newKeys().forEach(key -> keys.put(key, story.id()));
    matcher.index(story);
  }
}
