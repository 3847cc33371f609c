package dev.newsticker.desk;

import dev.newsticker.desk.StoryBook.Batch;
import dev.newsticker.model.EventType;
import dev.newsticker.model.PublishResult;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.StoryChange;
import dev.newsticker.store.StoryDetail;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An editor's actions on one story: retract and restore, edit, breaking with an end (and the end itself).
 * Each is recorded as a revision with the editor's name; the book records the result.
 */
final class EditorActions {
  private static final String CORRECTION = "correction";
  private static final String EDIT_ACTION = "edit";
  private static final String BREAKING_ACTION = "breaking";
  private static final String BREAKING_END_ACTION = "breaking-end";
  private static final String BREAKING_CHANGE = "breaking";
  private static final String RESTORE_ACTION = "restore";
  private final StoryBook book;
  private final Duration breakingFor;

  EditorActions(StoryBook book, Duration breakingFor) {
    this.book = book;
    this.breakingFor = breakingFor;
  }

  Optional<Batch> retract(String storyId, Instant now) {
    Story story = book.story(storyId);
    if (story == null) {
      return Optional.empty();
    }
    long seq = book.nextSeq();
    Story removed = story.withRemoved(now, seq);
    StoryChange change = new StoryChange(removed, List.of(), null,
      new StoryEvent(EventType.REMOVED, seq, now, removed, null, null));
    book.forget(storyId, null);
    return Optional.of(Batch.of(change));
  }

  /**
   * Undoes a retraction: the story is live again as it was, with a new seq, a revision with the
   * editor's name and {@code story.new}. The identity keys the store still gives it lead to it again;
   * of its items' and headlines' keys, one that leads to no live story comes back to it, and one
   * another live story has taken since stays with that story. Refused (409) for a story that is live
   * or merged into another.
   */
  Optional<Batch> restore(StoryDetail detail, String by, Instant now) {
    if (detail == null) {
      return Optional.empty();
    }
    Story story = detail.story();
    // a merged story is stored removed too, but its revisions and keys are the survivor's now
    if (story == null || detail.mergedInto() != null || !story.removed()) {
      throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, "the story is not retracted");
    }
    List<String> keys = new ArrayList<>();
    for (Revision earlier : detail.revisions()) {
      if (earlier.item() != null) {
        keys.add(earlier.item());
      }
      keys.add(Headlines.headlineKey(earlier.headline()));
    }
    long seq = book.nextSeq();
    int revisionNumber = story.revision() + 1;
    Story restored = story.withRestored(now, revisionNumber, seq);
    Revision revision = new Revision(revisionNumber, story.headline(), null, now, null, by, RESTORE_ACTION);
    StoryChange change = new StoryChange(restored, book.unowned(keys), revision,
      new StoryEvent(EventType.NEW, seq, now, restored, null, null));
    book.record(change);
    return Optional.of(Batch.of(change));
  }

  /**
   * An editor's edit: one revision recorded with the editor's name, a changed headline being a
   * {@code correction}; an edit that changes nothing answers {@code story.unchanged}.
   */
  Optional<Batch> edit(String storyId, StoryEdit edit, String by, Instant now) {
    Story story = book.story(storyId);
    if (story == null) {
      return Optional.empty();
    }
    Instant breakingUntil = story.breaking() ? story.breakingUntil() : now.plus(breakingFor);
    if (edit.applyTo(story, story.updatedAt(), story.revision(), story.lastSeq(), story.breakingUntil()).equals(story)) {
      return Optional.of(new Batch(List.of(), List.of(new PublishResult(storyId, story.lastSeq(), EventType.UNCHANGED))));
    }
    long seq = book.nextSeq();
    int revisionNumber = story.revision() + 1;
    Story edited = edit.applyTo(story, now, revisionNumber, seq, breakingUntil);
    boolean headlineChanged = !edited.headline().equals(story.headline());
    String change = headlineChanged ? CORRECTION : "content";
    String headlineKey = Headlines.headlineKey(edited.headline());
    List<String> newKeys = storyId.equals(book.keyOwner(headlineKey)) ? List.of() : List.of(headlineKey);
    Revision revision = new Revision(revisionNumber, edited.headline(), null, now, headlineChanged ? CORRECTION : null,
      by, EDIT_ACTION);
    StoryChange stored = new StoryChange(edited, newKeys, revision, StoryEvent.updated(seq, now, story, edited,
      headlineChanged ? story.headline() : null, change));
    book.record(stored);
    return Optional.of(Batch.of(stored));
  }

  /**
   * An editor sets a story's breaking flag until {@code until}, or ends it ({@code until} null):
   * a revision with the editor's name, and {@code story.updated} with change {@code breaking}.
   * Ending a flag that is not on is refused (409).
   */
  Optional<Batch> breaking(String storyId, Instant until, String by, Instant now) {
    Story story = book.story(storyId);
    if (story == null) {
      return Optional.empty();
    }
    if (until == null && !story.breaking()) {
      throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, "story " + storyId + " is not breaking");
    }
    long seq = book.nextSeq();
    int revisionNumber = story.revision() + 1;
    Story changed = story.withBreaking(until != null, until, now, revisionNumber, seq);
    Revision revision = new Revision(revisionNumber, story.headline(), null, now, null, by,
      until == null ? BREAKING_END_ACTION : BREAKING_ACTION);
    return Optional.of(breakingChange(story, changed, revision, now));
  }

  /** Ends a breaking flag whose time is up; nothing when the flag has since changed or the story went. */
  Batch expire(String storyId, Instant until, Instant now) {
    Story story = book.story(storyId);
    if (story == null || !until.equals(story.breakingUntil()) || until.isAfter(now)) {
      return new Batch(List.of(), List.of());
    }
    return breakingChange(story, story.withBreaking(false, null, now, story.revision(), book.nextSeq()), null, now);
  }

  private Batch breakingChange(Story before, Story changed, Revision revision, Instant now) {
    StoryChange change = new StoryChange(changed, List.of(), revision,
      StoryEvent.updated(changed.lastSeq(), now, before, changed, null, BREAKING_CHANGE));
    book.record(change);
    return Batch.of(change);
  }
}
