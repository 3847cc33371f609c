package dev.newsticker.desk;

import dev.newsticker.desk.StoryBook.Batch;
import dev.newsticker.model.EventType;
import dev.newsticker.model.PublishResult;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.Regroup;
import dev.newsticker.store.StoryChange;
import dev.newsticker.store.StoryDetail;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An editor regroups the desk's stories: merges one into another, splits items out of one into a
 * story of their own, or tells two apart. A split pair and a pair told apart are remembered (in the
 * book and the store): the book sends a source's next items to the story of the pair that has the
 * source. Each is a revision with the editor's name, except "keep apart", which changes neither story.
 */
final class MergeSplit {
  private static final String MERGE_ACTION = "merge";
  private static final String SPLIT_ACTION = "split";
  private final StoryBook book;

  MergeSplit(StoryBook book) {
    this.book = book;
  }

  /**
   * {@code absorbedId}'s revisions, sources and identity keys join {@code survivorId}, which keeps
   * its headline; readers get {@code story.merged}. Empty when {@code absorbedId} is unknown.
   */
  Optional<Batch> merge(String absorbedId, String survivorId, String by, Instant now) {
    Story absorbed = book.story(absorbedId);
    if (absorbed == null) {
      return Optional.empty();
    }
    Story survivor = other(absorbedId, survivorId, "merged into");
    long seq = book.nextSeq();
    int revisionNumber = survivor.revision() + absorbed.revision() + 1;
    Set<String> sources = new LinkedHashSet<>(survivor.sources());
    sources.addAll(absorbed.sources());
    Story merged = regrouped(survivor, survivor.headline(), survivor.source(), List.copyOf(sources), now,
      revisionNumber, seq);
    Revision revision = new Revision(revisionNumber, survivor.headline(), null, now, null, by, MERGE_ACTION);
    StoryChange gone = new StoryChange(absorbed.withRemoved(now, seq), List.of(), null, null);
    StoryChange kept = new StoryChange(merged, List.of(), revision,
      StoryEvent.merged(seq, now, merged, absorbed),
      Regroup.merge(absorbedId, survivor.revision()));
    book.forget(absorbedId, survivorId);
    book.record(kept);
    return Optional.of(new Batch(List.of(gone, kept), List.of(new PublishResult(survivorId, seq, EventType.MERGED))));
  }

  /**
   * Items leave {@code detail}'s story for a new one: revision {@code revisionNumber} and the later
   * revisions of the same item (its source and id), or every revision of {@code source}. Readers get
   * {@code story.updated} for the story and {@code story.new} for the new one; the pair is kept apart.
   */
  Optional<Batch> split(StoryDetail detail, Integer revisionNumber, String source, String by, Instant now) {
    Story story = detail == null || detail.story() == null ? null : book.story(detail.story().id());
    if (story == null) {
      return Optional.empty();
    }
    List<Revision> leaving = revisionNumber != null
      ? itemFrom(story.id(), detail.revisions(), revisionNumber) : fromSource(story.id(), detail.revisions(), source);
    List<Revision> staying = detail.revisions().stream()
      .filter(revision -> revision.by() == null && !leaving.contains(revision)).toList();
    if (staying.isEmpty()) {
      throw refused(400, "story " + story.id() + " has no other item: splitting it would leave nothing behind");
    }
    Set<String> leavingSources = sourcesOf(leaving);
    Set<String> dropped = new LinkedHashSet<>(leavingSources);
    dropped.removeAll(sourcesOf(staying));
    dropped.retainAll(story.sources());
    List<String> sources = story.sources().stream().filter(name -> !dropped.contains(name)).toList();
    boolean headlineLeaves = leaving.stream().anyMatch(revision -> revision.headline().equals(story.headline()))
      && staying.stream().noneMatch(revision -> revision.headline().equals(story.headline()));
    String headline = headlineLeaves ? staying.get(staying.size() - 1).headline() : story.headline();
    String primary = story.source() != null && dropped.contains(story.source())
      ? sources.stream().findFirst().orElse(null) : story.source();

    long seq = book.nextSeq();
    Story remaining = regrouped(story, headline, primary, sources, now, story.revision() + 1, seq);
    StoryChange left = new StoryChange(remaining, List.of(),
      new Revision(story.revision() + 1, headline, null, now, null, by, SPLIT_ACTION),
      StoryEvent.updated(seq, now, story, remaining, headlineLeaves ? story.headline() : null, SPLIT_ACTION));
    book.record(left);
    StoryChange created = splitOff(story, leaving, staying, leavingSources, dropped, by, now);
    book.record(created);
    book.keepApart(story.id(), created.story().id());
    return Optional.of(new Batch(List.of(left, created), List.of(
      new PublishResult(story.id(), seq, EventType.UPDATED),
      new PublishResult(created.story().id(), created.story().lastSeq(), EventType.NEW))));
  }

  /** The new story of a split: the leaving revisions renumbered from 1, then the editor's. */
  private StoryChange splitOff(Story from, List<Revision> leaving, List<Revision> staying, Set<String> sources,
                               Set<String> dropped, String by, Instant now) {
    long seq = book.nextSeq();
    String id = ItemRevisions.newStoryId();
    Map<Integer, Integer> numbers = new LinkedHashMap<>();
    leaving.forEach(revision -> numbers.put(revision.revision(), numbers.size() + 1));
    Revision last = leaving.get(leaving.size() - 1);
    int revisionNumber = leaving.size() + 1;
    Story created = new Story(id, last.headline(), null, List.of(), null, leaving.get(0).source(), List.copyOf(sources),
      null, from.category(), List.of(), false, leaving.get(0).at(), now, revisionNumber, seq, false, null);
    return new StoryChange(created, keysLeaving(from.id(), leaving, staying),
      new Revision(revisionNumber, created.headline(), null, now, null, by, SPLIT_ACTION),
      new StoryEvent(EventType.NEW, seq, now, created, null, null),
      Regroup.split(from.id(), numbers, List.copyOf(dropped)));
  }

  /** The leaving items' keys, and their headlines' unless the story keeps a revision of that headline. */
  private List<String> keysLeaving(String fromId, List<Revision> leaving, List<Revision> staying) {
    Set<String> stayingHeadlines = new LinkedHashSet<>();
    staying.forEach(revision -> stayingHeadlines.add(Headlines.headlineKey(revision.headline())));
    Set<String> keys = new LinkedHashSet<>();
    for (Revision revision : leaving) {
      if (revision.item() != null && fromId.equals(book.keyOwner(revision.item()))) {
        keys.add(revision.item());
      }
      String headlineKey = Headlines.headlineKey(revision.headline());
      if (fromId.equals(book.keyOwner(headlineKey)) && !stayingHeadlines.contains(headlineKey)) {
        keys.add(headlineKey);
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Undoes the merge of {@code absorbed} (as the store kept it) into {@code detail}'s story, while
   * that merge is still the story's last revision: the revisions, sources and keys it brought leave
   * again and the absorbed story comes back under its own id. Readers get {@code story.new} for it
   * and {@code story.updated} for the survivor. The merge's revision stays in the survivor's history.
   */
  Optional<Batch> unmerge(StoryDetail detail, String absorbedId, StoryDetail absorbed, String by, Instant now) {
    Story survivor = detail == null || detail.story() == null ? null : book.story(detail.story().id());
    if (survivor == null) {
      return Optional.empty();
    }
    if (absorbed == null || !survivor.id().equals(absorbed.mergedInto())) {
      throw refused(400, "story " + absorbedId + " was not merged into story " + survivor.id());
    }
    Story was = absorbed.story();
    List<Revision> revisions = detail.revisions();
    Revision merge = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    int offset = merge == null ? -1 : merge.revision() - was.revision() - 1;
    if (merge == null || !MERGE_ACTION.equals(merge.action()) || merge.revision() != survivor.revision() || offset < 0) {
      throw refused(409, "story " + survivor.id() + " has changed since story " + was.id()
        + " was merged into it: split what should leave instead");
    }
    List<Revision> leaving = revisions.stream()
      .filter(revision -> revision.revision() > offset && revision.revision() < merge.revision()).toList();
    List<Revision> staying = revisions.stream().filter(revision -> revision.revision() <= offset).toList();
    Map<Integer, Integer> numbers = new LinkedHashMap<>();
    leaving.forEach(revision -> numbers.put(revision.revision(), revision.revision() - offset));
    Set<String> dropped = new LinkedHashSet<>(was.sources());
    dropped.removeAll(sourcesOf(staying));
    dropped.remove(survivor.source());
    long seq = book.nextSeq();
    Story restored = regrouped(was, was.headline(), was.source(), was.sources(), now, was.revision() + 1, seq);
    StoryChange back = new StoryChange(restored, keysLeaving(survivor.id(), leaving, staying),
      new Revision(restored.revision(), restored.headline(), null, now, null, by, SPLIT_ACTION),
      new StoryEvent(EventType.NEW, seq, now, restored, null, null),
      Regroup.unmerge(survivor.id(), numbers, List.copyOf(dropped)));
    book.record(back);
    long survivorSeq = book.nextSeq();
    Story remaining = regrouped(survivor, survivor.headline(), survivor.source(),
      survivor.sources().stream().filter(name -> !dropped.contains(name)).toList(), now, offset + 2, survivorSeq);
    StoryChange left = new StoryChange(remaining, List.of(),
      new Revision(remaining.revision(), remaining.headline(), null, now, null, by, SPLIT_ACTION),
      StoryEvent.updated(survivorSeq, now, survivor, remaining, null, SPLIT_ACTION),
      Regroup.renumber(survivor.id(), Map.of(merge.revision(), offset + 1)));
    book.record(left);
    return Optional.of(new Batch(List.of(back, left), List.of(
      new PublishResult(survivor.id(), survivorSeq, EventType.UPDATED),
      new PublishResult(restored.id(), seq, EventType.NEW))));
  }

  /** An editor says two stories are different news: remembered, so the desk's doubts drop the pair. */
  Optional<Batch> apart(String storyId, String otherId) {
    Story story = book.story(storyId);
    if (story == null) {
      return Optional.empty();
    }
    other(storyId, otherId, "kept apart from");
    book.keepApart(storyId, otherId);
    StoryChange remembered = new StoryChange(story, List.of(), null, null, Regroup.apart(otherId));
    return Optional.of(new Batch(List.of(remembered),
      List.of(new PublishResult(storyId, story.lastSeq(), EventType.UNCHANGED))));
  }

  /** The other story of a pair: not the same one, and live. */
  private Story other(String storyId, String otherId, String verb) {
    if (storyId.equals(otherId)) {
      throw refused(400, "a story cannot be " + verb + " itself");
    }
    Story other = book.story(otherId);
    if (other == null) {
      throw refused(404, "no story with id " + otherId + " to be " + verb);
    }
    return other;
  }

  private static List<Revision> itemFrom(String storyId, List<Revision> revisions, int number) {
    Revision first = revisions.stream().filter(revision -> revision.revision() == number).findFirst()
      .orElseThrow(() -> refused(400, "story " + storyId + " has no revision " + number));
    if (first.by() != null) {
      throw refused(400, "revision " + number + " of story " + storyId + " is an editor's " + first.action()
        + ", not a source's item: only items can be split off");
    }
    List<Revision> leaving = new ArrayList<>(List.of(first));
    if (first.item() != null) {
      revisions.stream()
        .filter(revision -> revision.revision() > number && revision.by() == null && first.item().equals(revision.item()))
        .forEach(leaving::add);
    }
    return leaving;
  }

  private static List<Revision> fromSource(String storyId, List<Revision> revisions, String source) {
    List<Revision> leaving = revisions.stream()
      .filter(revision -> revision.by() == null && Objects.equals(source, revision.source())).toList();
    if (leaving.isEmpty()) {
      throw refused(400, "no revision of story " + storyId + " came from source '" + source + "'");
    }
    return leaving;
  }

  private static Set<String> sourcesOf(List<Revision> revisions) {
    Set<String> sources = new LinkedHashSet<>();
    revisions.stream().map(Revision::source).filter(Objects::nonNull).forEach(sources::add);
    return sources;
  }

  private static Story regrouped(Story story, String headline, String source, List<String> sources, Instant now,
                                 int revision, long seq) {
    return new Story(story.id(), headline, story.summary(), story.body(), story.url(), source, sources,
      story.byline(), story.category(), story.tags(), story.breaking(), story.publishedAt(), now, revision, seq, false,
      story.breakingUntil());
  }

  private static ReplyException refused(int code, String reason) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, reason);
  }
}
