package dev.newsticker.desk;

import dev.newsticker.model.EventType;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.DeskState;
import dev.newsticker.store.StoryChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The desk's memory: every live story, the identity keys that lead to them and the last seq.
 * It decides what each item is and records the decision at once, so later items of the same
 * batch see earlier ones; when a batch cannot be stored the desk rebuilds the book from the store.
 * Used by one thread only.
 */
final class StoryBook {
  private final Map<String, Story> stories = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();
  private final StoryMatcher matcher;
  private final ChangeKinds changeKinds;
  private final Categorizer categorizer;
  private long topSeq;

  StoryBook(DeskState state, StoryMatcher matcher, ChangeKinds changeKinds, Categorizer categorizer) {
    this.matcher = matcher;
    this.changeKinds = changeKinds;
    this.categorizer = categorizer;
    this.topSeq = state.topSeq();
    state.stories().forEach(story -> {
      stories.put(story.id(), story);
      matcher.index(story);
    });
    keys.putAll(state.keys());
  }

  /** What a batch of items does, in order: the changes to store and the answer for each item. */
  record Batch(List<StoryChange> changes, List<PublishResult> results) {
  }

  Batch decide(List<FeedItem> items, Instant now) {
    List<StoryChange> changes = new ArrayList<>();
    List<PublishResult> results = new ArrayList<>();
    for (FeedItem raw : items) {
      // before the lookup: a "BREAKING:" label comes off the headline, so identity keys match
      FeedItem item = categorizer.categorize(raw);
      Optional<Story> known = find(item);
      // a story keeps its category unless the item brings its own: another source's keyword guess does not move it
      StoryChange change = known.isPresent()
        ? revise(known.get(), raw.category() == null ? item.withCategory(null) : item, now)
        : create(item, now);
      if (change == null) {
        Story story = known.orElseThrow();
        results.add(new PublishResult(story.id(), story.lastSeq(), EventType.UNCHANGED));
        continue;
      }
      record(change);
      changes.add(change);
      Story story = change.story();
      String type = change.event() == null ? EventType.UNCHANGED : change.event().type();
      results.add(new PublishResult(story.id(), story.lastSeq(), type));
    }
    return new Batch(changes, results);
  }

  Optional<Batch> retract(String storyId, Instant now) {
    Story story = stories.get(storyId);
    if (story == null) {
      return Optional.empty();
    }
    long seq = ++topSeq;
    Story removed = story.withRemoved(now, seq);
    StoryChange change = new StoryChange(removed, List.of(), null,
      new StoryEvent(EventType.REMOVED, seq, now, removed, null, null));
    stories.remove(storyId);
    keys.values().removeIf(storyId::equals);
    matcher.remove(storyId);
    return Optional.of(new Batch(List.of(change), List.of(new PublishResult(storyId, seq, EventType.REMOVED))));
  }

  private Optional<Story> find(FeedItem item) {
    String idKey = Headlines.idKey(item);
    String storyId = idKey == null ? null : keys.get(idKey);
    if (storyId == null) {
      storyId = keys.get(Headlines.headlineKey(item.headline()));
    }
    if (storyId == null) {
      storyId = matcher.match(item).orElse(null);
    }
    return Optional.ofNullable(storyId).map(stories::get);
  }

  private StoryChange create(FeedItem item, Instant now) {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    long seq = item.history() ? topSeq : ++topSeq;
    Instant published = item.publishedAt() == null ? now : item.publishedAt();
    List<String> sources = item.source() == null ? List.of() : List.of(item.source());
    Story story = new Story(id, item.headline(), item.summary(), item.body(), item.url(), item.source(), sources,
      item.byline(), item.category(), item.tags(), Boolean.TRUE.equals(item.breaking()), published, now, 1, seq, false);
    Revision revision = new Revision(1, item.headline(), item.source(), now, null);
    StoryEvent event = item.history() ? null : new StoryEvent(EventType.NEW, seq, now, story, null, null);
    return new StoryChange(story, keysOf(item, story.id()), revision, event);
  }

  /** The story revised by the item, or null when the item adds nothing to it. */
  private StoryChange revise(Story story, FeedItem item, Instant now) {
    if (item.history()) {
      return null;
    }
    Story merged = merge(story, item, now);
    boolean headlineChanged = !merged.headline().equals(story.headline());
    boolean sourceAdded = merged.sources().size() > story.sources().size();
    List<String> newKeys = keysOf(item, story.id());
    if (!headlineChanged && !sourceAdded && sameContent(story, merged)) {
      return newKeys.isEmpty() ? null : new StoryChange(story, newKeys, null, null);
    }
    long seq = ++topSeq;
    int revisionNumber = headlineChanged ? story.revision() + 1 : story.revision();
    Story updated = new Story(merged.id(), merged.headline(), merged.summary(), merged.body(), merged.url(),
      merged.source(), merged.sources(), merged.byline(), merged.category(), merged.tags(), merged.breaking(),
      merged.publishedAt(), now, revisionNumber, seq, false);
    String change = headlineChanged ? changeKinds.classify(story.headline(), merged.headline())
      : sourceAdded ? "source" : "content";
    Revision revision = headlineChanged ? new Revision(revisionNumber, merged.headline(), item.source(), now, change) : null;
    StoryEvent event = new StoryEvent(EventType.UPDATED, seq, now, updated,
      headlineChanged ? story.headline() : null, change);
    return new StoryChange(updated, newKeys, revision, event);
  }

  /** The story with what the item brings: fields the item leaves empty keep their value. */
  private static Story merge(Story story, FeedItem item, Instant now) {
    List<String> sources = new ArrayList<>(story.sources());
    if (item.source() != null && !sources.contains(item.source())) {
      sources.add(item.source());
    }
    return new Story(story.id(), item.headline(),
      or(item.summary(), story.summary()),
      item.body().isEmpty() ? story.body() : item.body(),
      or(item.url(), story.url()),
      story.source() == null ? item.source() : story.source(),
      sources,
      or(item.byline(), story.byline()),
      or(item.category(), story.category()),
      item.tags().isEmpty() ? story.tags() : item.tags(),
      item.breaking() == null ? story.breaking() : item.breaking(),
      story.publishedAt(), now, story.revision(), story.lastSeq(), false);
  }

  private static boolean sameContent(Story a, Story b) {
    return java.util.Objects.equals(a.summary(), b.summary()) && a.body().equals(b.body())
      && java.util.Objects.equals(a.url(), b.url()) && java.util.Objects.equals(a.byline(), b.byline())
      && java.util.Objects.equals(a.category(), b.category()) && a.tags().equals(b.tags())
      && a.breaking() == b.breaking();
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }

  /** The item's identity keys that do not yet lead to the story. */
  private List<String> keysOf(FeedItem item, String storyId) {
    List<String> found = new ArrayList<>(2);
    String idKey = Headlines.idKey(item);
    if (idKey != null && !storyId.equals(keys.get(idKey))) {
      found.add(idKey);
    }
    String headlineKey = Headlines.headlineKey(item.headline());
    if (!storyId.equals(keys.get(headlineKey))) {
      found.add(headlineKey);
    }
    return found;
  }

  private void record(StoryChange change) {
    Story story = change.story();
    stories.put(story.id(), story);
    change.newKeys().forEach(key -> keys.put(key, story.id()));
    matcher.index(story);
  }
}
