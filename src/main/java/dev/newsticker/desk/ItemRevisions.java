package dev.newsticker.desk;

import dev.newsticker.model.EventType;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.StoryChange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What an item does to the book: a new story, or a revision of the story it was found to revise. */
final class ItemRevisions {
  private final StoryBook book;
  private final ChangeKinds changeKinds;
  private final Duration breakingFor;

  ItemRevisions(StoryBook book, ChangeKinds changeKinds, Duration breakingFor) {
    this.book = book;
    this.changeKinds = changeKinds;
    this.breakingFor = breakingFor;
  }

  StoryChange create(FeedItem item, Instant now) {
    String id = newStoryId();
    long seq = item.history() ? book.topSeq() : book.nextSeq();
    Instant published = item.publishedAt() == null ? now : item.publishedAt();
    List<String> sources = item.source() == null ? List.of() : List.of(item.source());
    Story story = new Story(id, item.headline(), item.summary(), item.body(), item.url(), item.source(), sources,
      item.byline(), item.category(), item.tags(), Boolean.TRUE.equals(item.breaking()), published, now, 1, seq, false,
      breakingEnd(item, now));
    Revision revision = new Revision(1, item.headline(), item.source(), now, null, null, null, Headlines.idKey(item));
    StoryEvent event = item.history() ? null : new StoryEvent(EventType.NEW, seq, now, story, null, null);
    return new StoryChange(story, keysOf(item, story.id()), revision, event);
  }

  /** The story revised by the item, or null when the item adds nothing to it. */
  StoryChange revise(Story story, FeedItem item, Instant now) {
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
    long seq = book.nextSeq();
    int revisionNumber = headlineChanged ? story.revision() + 1 : story.revision();
    Story updated = new Story(merged.id(), merged.headline(), merged.summary(), merged.body(), merged.url(),
      merged.source(), merged.sources(), merged.byline(), merged.category(), merged.tags(), merged.breaking(),
      merged.publishedAt(), now, revisionNumber, seq, false, merged.breakingUntil());
    String change = headlineChanged ? changeKinds.classify(story.headline(), merged.headline())
      : sourceAdded ? "source" : "content";
    Revision revision = headlineChanged
      ? new Revision(revisionNumber, merged.headline(), item.source(), now, change, null, null, Headlines.idKey(item)) : null;
    StoryEvent event = StoryEvent.updated(seq, now, story, updated, headlineChanged ? story.headline() : null, change);
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
    return Objects.equals(a.summary(), b.summary()) && a.body().equals(b.body())
      && Objects.equals(a.url(), b.url()) && Objects.equals(a.byline(), b.byline())
      && Objects.equals(a.category(), b.category()) && a.tags().equals(b.tags())
      && a.breaking() == b.breaking() && Objects.equals(a.breakingUntil(), b.breakingUntil());
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }

  static String newStoryId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** The item's identity keys that do not yet lead to the story. */
  private List<String> keysOf(FeedItem item, String storyId) {
    List<String> found = new ArrayList<>(2);
    String idKey = Headlines.idKey(item);
    if (idKey != null && !storyId.equals(book.keyOwner(idKey))) {
      found.add(idKey);
    }
    String headlineKey = Headlines.headlineKey(item.headline());
    if (!storyId.equals(book.keyOwner(headlineKey))) {
      found.add(headlineKey);
    }
    return found;
  }
}
