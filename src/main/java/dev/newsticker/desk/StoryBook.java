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
 * The desk's memory: what matching needs for its window (the matcher), the last seq and the
 * pairs kept apart. The stories themselves and their identity keys are read from the store
 * ({@link StoryLookup}) for each request into its {@link Workspace}, so the desk's memory is bounded
 * by its settings, not by history. It decides what each item is ({@link ItemRevisions}) and
 * records the decision at once, so later items of the same batch see earlier ones; when a batch
 * cannot be stored the desk rebuilds the book from the store. Editors' actions live beside it
 * ({@link EditorActions}, {@link MergeSplit}). Used by one thread only.
 */
final class StoryBook {
  private final StoryLookup lookup;
  private final StoryMatcher matcher;
  private final Categorizer categorizer;
  private final ItemRevisions items;
  /** Each story's partners in pairs an editor split or kept apart. */
  private final Map<String, Set<String>> apart = new HashMap<>();
  private Doubts doubts = Doubts.NONE;
  private boolean lastFoundByMatcher;
  private long topSeq;
  /** The current request's stories and keys, as read from the store and changed since. */
  private Workspace work;

  /** {@code breakingFor}: how long a breaking flag lasts when its publisher gives no end. */
  StoryBook(DeskState state, StoryLookup lookup, StoryMatcher matcher, ChangeKinds changeKinds,
            Categorizer categorizer, Duration breakingFor) {
    this.lookup = lookup;
    this.work = new Workspace(lookup);
    this.matcher = matcher;
    this.categorizer = categorizer;
    this.items = new ItemRevisions(this, changeKinds, breakingFor);
    this.topSeq = state.topSeq();
    // oldest first, so that a matcher bounded by count keeps the newest
    for (int i = state.recent().size() - 1; i >= 0; i--) {
      matcher.index(state.recent().get(i));
    }
    state.apart().forEach(pair -> keepApart(pair.first(), pair.second()));
  }

  /** A request starts: what the last one read from the store goes. */
  void begin() {
    work = new Workspace(lookup);
  }

  /** How many stories the desk holds for matching. */
  int held() {
    return matcher.size();
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
    begin();
    // before the lookup: a "BREAKING:" label comes off the headline, so identity keys match
    List<FeedItem> categorized = batch.stream().map(categorizer::categorize).toList();
    List<String> itemKeys = new ArrayList<>();
    categorized.forEach(item -> itemKeys.addAll(Workspace.keysOf(item)));
    work.readKeys(itemKeys);
    List<StoryChange> changes = new ArrayList<>();
    List<PublishResult> results = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      FeedItem raw = batch.get(i);
      FeedItem item = categorized.get(i);
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

  /** The live story, as this request left it or else as the store has it; null when there is none. */
  Story story(String storyId) {
    return work.story(storyId);
  }

  /** The story an identity key leads to, or null. */
  String keyOwner(String key) {
    return work.owner(key);
  }

  /** Those of these keys that lead to no live story (read from the store in one query). */
  List<String> unowned(List<String> keys) {
    work.readKeys(keys);
    return keys.stream().distinct().filter(key -> work.owner(key) == null).toList();
  }

  long topSeq() {
    return topSeq;
  }

  long nextSeq() {
    return ++topSeq;
  }

  /** The story leaves the book: retracted, or merged into another ({@code keysTo} then takes its keys). */
  void forget(String storyId, String keysTo) {
    work.forget(storyId, keysTo);
    matcher.remove(storyId);
  }

  void keepApart(String one, String other) {
    apart.computeIfAbsent(one, id -> new HashSet<>()).add(other);
    apart.computeIfAbsent(other, id -> new HashSet<>()).add(one);
  }

  private Optional<Story> find(FeedItem item) {
    String idKey = Headlines.idKey(item);
    String storyId = idKey == null ? null : work.owner(idKey);
    if (storyId == null) {
      storyId = work.owner(Headlines.headlineKey(item.headline()));
    }
    lastFoundByMatcher = storyId == null;
    if (storyId == null) {
      storyId = matcher.match(item).orElse(null);
    }
    boolean byOwnId = idKey != null && storyId != null && storyId.equals(work.owner(idKey));
    return Optional.ofNullable(storyId).map(work::story).map(found -> byOwnId ? found : keptWith(item, found));
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
      Story other = work.story(partner);
      if (other != null && other.hasSource(item.source())) {
        return other;
      }
    }
    return found;
  }

  void record(StoryChange change) {
    work.record(change);
    matcher.index(change.story());
  }
}
