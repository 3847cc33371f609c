package dev.newsticker.desk;

import dev.newsticker.model.EventType;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.DeskState;
import dev.newsticker.store.StoryChange;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The desk's decisions. It holds only what matching needs (the matcher's window) and the last
 * seq; the stories themselves and their identity keys are read from the store ({@link StoryLookup})
 * for each request, so the desk's memory is bounded by its settings, not by history. It records
 * each decision at once in the request's {@link Workspace}, so later items of the same batch see
 * earlier ones; when a batch cannot be stored the desk rebuilds the book from the store.
 * Used by one thread only.
 */
final class StoryBook {
  private static final String CORRECTION = "correction";
  private static final String EDIT_ACTION = "edit";
  private static final String BREAKING_ACTION = "breaking";
  private static final String BREAKING_END_ACTION = "breaking-end";
  private static final String BREAKING_CHANGE = "breaking";
  private final StoryLookup lookup;
  private final StoryMatcher matcher;
  private final ChangeKinds changeKinds;
  private final Categorizer categorizer;
  private final Duration breakingFor;
  private long topSeq;
  /** The current request's stories and keys, as read from the store and changed since. */
  private Workspace work;

  /** {@code breakingFor}: how long a breaking flag lasts when its publisher gives no end. */
  StoryBook(DeskState state, StoryLookup lookup, StoryMatcher matcher, ChangeKinds changeKinds,
            Categorizer categorizer, Duration breakingFor) {
    this.lookup = lookup;
    this.breakingFor = breakingFor;
    this.matcher = matcher;
    this.changeKinds = changeKinds;
    this.categorizer = categorizer;
    this.topSeq = state.topSeq();
    // oldest first, so that a matcher bounded by count keeps the newest
    for (int i = state.recent().size() - 1; i >= 0; i--) {
      matcher.index(state.recent().get(i));
    }
  }

  /** How many stories the desk holds for matching. */
  int held() {
    return matcher.size();
  }

  /** What a batch of items does, in order: the changes to store and the answer for each item. */
  record Batch(List<StoryChange> changes, List<PublishResult> results) {
  }

  Batch decide(List<FeedItem> items, Instant now) {
    work = new Workspace(lookup);
    // before the lookup: a "BREAKING:" label comes off the headline, so identity keys match
    List<FeedItem> categorized = items.stream().map(categorizer::categorize).toList();
    List<String> itemKeys = new ArrayList<>();
    categorized.forEach(item -> itemKeys.addAll(Workspace.keysOf(item)));
    work.readKeys(itemKeys);
    List<StoryChange> changes = new ArrayList<>();
    List<PublishResult> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      FeedItem raw = items.get(i);
      FeedItem item = categorized.get(i);
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
    work = null;
    return new Batch(changes, results);
  }

  Optional<Batch> retract(String storyId, Instant now) {
    work = new Workspace(lookup);
    Story story = work.story(storyId);
    if (story == null) {
      return Optional.empty();
    }
    long seq = ++topSeq;
    Story removed = story.withRemoved(now, seq);
    StoryChange change = new StoryChange(removed, List.of(), null,
      new StoryEvent(EventType.REMOVED, seq, now, removed, null, null));
    matcher.remove(storyId);
    return Optional.of(new Batch(List.of(change), List.of(new PublishResult(storyId, seq, EventType.REMOVED))));
  }

  /**
   * An editor's edit: one revision recorded with the editor's name, a changed headline being a
   * {@code correction}; an edit that changes nothing answers {@code story.unchanged}.
   */
  Optional<Batch> edit(String storyId, StoryEdit edit, String by, Instant now) {
    work = new Workspace(lookup);
    Story story = work.story(storyId);
    if (story == null) {
      return Optional.empty();
    }
    Instant breakingUntil = story.breaking() ? story.breakingUntil() : now.plus(breakingFor);
    if (edit.applyTo(story, story.updatedAt(), story.revision(), story.lastSeq(), story.breakingUntil()).equals(story)) {
      return Optional.of(new Batch(List.of(), List.of(new PublishResult(storyId, story.lastSeq(), EventType.UNCHANGED))));
    }
    long seq = ++topSeq;
    int revisionNumber = story.revision() + 1;
    Story edited = edit.applyTo(story, now, revisionNumber, seq, breakingUntil);
    boolean headlineChanged = !edited.headline().equals(story.headline());
    String change = headlineChanged ? CORRECTION : "content";
    String headlineKey = Headlines.headlineKey(edited.headline());
    work.readKeys(List.of(headlineKey));
    List<String> newKeys = storyId.equals(work.owner(headlineKey)) ? List.of() : List.of(headlineKey);
    Revision revision = new Revision(revisionNumber, edited.headline(), null, now, headlineChanged ? CORRECTION : null,
      by, EDIT_ACTION);
    StoryChange stored = new StoryChange(edited, newKeys, revision, new StoryEvent(EventType.UPDATED, seq, now, edited,
      headlineChanged ? story.headline() : null, change));
    record(stored);
    return Optional.of(new Batch(List.of(stored), List.of(new PublishResult(storyId, seq, EventType.UPDATED))));
  }

  /**
   * An editor sets a story's breaking flag until {@code until}, or ends it ({@code until} null):
   * a revision with the editor's name, and {@code story.updated} with change {@code breaking}.
   * Ending a flag that is not on is refused (409).
   */
  Optional<Batch> breaking(String storyId, Instant until, String by, Instant now) {
    work = new Workspace(lookup);
    Story story = work.story(storyId);
    if (story == null) {
      return Optional.empty();
    }
    if (until == null && !story.breaking()) {
      throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, "story " + storyId + " is not breaking");
    }
    long seq = ++topSeq;
    int revisionNumber = story.revision() + 1;
    Story changed = story.withBreaking(until != null, until, now, revisionNumber, seq);
    Revision revision = new Revision(revisionNumber, story.headline(), null, now, null, by,
      until == null ? BREAKING_END_ACTION : BREAKING_ACTION);
    return Optional.of(breakingChange(changed, revision, now));
  }

  /** Ends a breaking flag whose time is up; nothing when the flag has since changed or the story went. */
  Batch expire(String storyId, Instant until, Instant now) {
    work = new Workspace(lookup);
    Story story = work.story(storyId);
    if (story == null || !until.equals(story.breakingUntil()) || until.isAfter(now)) {
      return new Batch(List.of(), List.of());
    }
    return breakingChange(story.withBreaking(false, null, now, story.revision(), ++topSeq), null, now);
  }

  private Batch breakingChange(Story changed, Revision revision, Instant now) {
    StoryChange change = new StoryChange(changed, List.of(), revision,
      new StoryEvent(EventType.UPDATED, changed.lastSeq(), now, changed, null, BREAKING_CHANGE));
    record(change);
    return new Batch(List.of(change), List.of(new PublishResult(changed.id(), changed.lastSeq(), EventType.UPDATED)));
  }

  private Optional<Story> find(FeedItem item) {
    String idKey = Headlines.idKey(item);
    String storyId = idKey == null ? null : work.owner(idKey);
    if (storyId == null) {
      storyId = work.owner(Headlines.headlineKey(item.headline()));
    }
    if (storyId == null) {
      storyId = matcher.match(item).orElse(null);
    }
    return Optional.ofNullable(storyId).map(work::story);
  }

  private StoryChange create(FeedItem item, Instant now) {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    long seq = item.history() ? topSeq : ++topSeq;
    Instant published = item.publishedAt() == null ? now : item.publishedAt();
    List<String> sources = item.source() == null ? List.of() : List.of(item.source());
    Story story = new Story(id, item.headline(), item.summary(), item.body(), item.url(), item.source(), sources,
      item.byline(), item.category(), item.tags(), Boolean.TRUE.equals(item.breaking()), published, now, 1, seq, false,
      breakingEnd(item, now));
    Revision revision = new Revision(1, item.headline(), item.source(), now, null);
    StoryEvent event = item.history() ? null : new StoryEvent(EventType.NEW, seq, now, story, null, null);
    return new StoryChange(story, work.newKeys(item, story.id()), revision, event);
  }

  /** The story revised by the item, or null when the item adds nothing to it. */
  private StoryChange revise(Story story, FeedItem item, Instant now) {
    if (item.history()) {
      return null;
    }
    Story merged = merge(story, item, now);
    boolean headlineChanged = !merged.headline().equals(story.headline());
    boolean sourceAdded = merged.sources().size() > story.sources().size();
    List<String> newKeys = work.newKeys(item, story.id());
    if (!headlineChanged && !sourceAdded && sameContent(story, merged)) {
      return newKeys.isEmpty() ? null : new StoryChange(story, newKeys, null, null);
    }
    long seq = ++topSeq;
    int revisionNumber = headlineChanged ? story.revision() + 1 : story.revision();
    Story updated = new Story(merged.id(), merged.headline(), merged.summary(), merged.body(), merged.url(),
      merged.source(), merged.sources(), merged.byline(), merged.category(), merged.tags(), merged.breaking(),
      merged.publishedAt(), now, revisionNumber, seq, false, merged.breakingUntil());
    String change = headlineChanged ? changeKinds.classify(story.headline(), merged.headline())
      : sourceAdded ? "source" : "content";
    Revision revision = headlineChanged ? new Revision(revisionNumber, merged.headline(), item.source(), now, change) : null;
    StoryEvent event = new StoryEvent(EventType.UPDATED, seq, now, updated,
      headlineChanged ? story.headline() : null, change);
    return new StoryChange(updated, newKeys, revision, event);
  }

  /**
   * The story with what the item brings: fields the item leaves empty keep their value. A
   * breaking flag that comes on gets its end; one already on keeps it unless the item names one.
   */
  private Story merge(Story story, FeedItem item, Instant now) {
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
      story.publishedAt(), now, story.revision(), story.lastSeq(), false,
      story.breaking() && item.breakingUntil() == null ? story.breakingUntil() : breakingEnd(item, now));
  }

  /** When an item's breaking flag ends: the publisher's end, else the desk's default; null when not breaking. */
  private Instant breakingEnd(FeedItem item, Instant now) {
    if (!Boolean.TRUE.equals(item.breaking())) {
      return null;
    }
    // both stores keep microseconds
    return item.breakingUntil() != null ? item.breakingUntil().truncatedTo(ChronoUnit.MICROS) : now.plus(breakingFor);
  }

  private static boolean sameContent(Story a, Story b) {
    return java.util.Objects.equals(a.summary(), b.summary()) && a.body().equals(b.body())
      && java.util.Objects.equals(a.url(), b.url()) && java.util.Objects.equals(a.byline(), b.byline())
      && java.util.Objects.equals(a.category(), b.category()) && a.tags().equals(b.tags())
      && a.breaking() == b.breaking() && java.util.Objects.equals(a.breakingUntil(), b.breakingUntil());
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private void record(StoryChange change) {
    work.record(change);
    matcher.index(change.story());
  }
}
