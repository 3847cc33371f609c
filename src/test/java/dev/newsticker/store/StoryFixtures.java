package dev.newsticker.store;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;

import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/** Stories and desk decisions as the desk would hand them to a store, at times derived from their seq. */
final class StoryFixtures {

  static final Instant T0 = Instant.parse("2026-02-05T10:00:00Z");

  private StoryFixtures() {
  }

  /** Millisecond precision: the precision every store keeps. */
  /** Everything the desk would load with a window reaching back to the epoch and no limit. */
  static Future<DeskState> deskState(StoryStore store) {
    return store.loadDeskState(Instant.EPOCH, Integer.MAX_VALUE);
  }

  static Instant at(long seq) {
    return T0.plusSeconds(seq * 60).plusMillis(seq * 7);
  }

  static Story story(String id, String headline, String category, boolean breaking, long seq, String... sources) {
    List<String> all = List.of(sources);
    return new Story(id, headline, "Summary of " + headline, List.of("First paragraph.", "Second \"quoted\" one."),
      "https://example.org/" + id, all.get(0), all, "J.Horn", category, List.of("tag-" + id, "news"), breaking,
      at(seq).minusSeconds(30), at(seq), 1, seq, false);
  }

  static Story revise(Story story, String headline, long seq) {
    return new Story(story.id(), headline, story.summary(), story.body(), story.url(), story.source(),
      story.sources(), story.byline(), story.category(), story.tags(), story.breaking(), story.publishedAt(),
      at(seq), story.revision() + 1, seq, false);
  }

  static Story withBody(Story story, List<String> body) {
    return new Story(story.id(), story.headline(), story.summary(), body, story.url(), story.source(),
      story.sources(), story.byline(), story.category(), story.tags(), story.breaking(), story.publishedAt(),
      story.updatedAt(), story.revision(), story.lastSeq(), story.removed());
  }

  static StoryChange created(Story story, String... keys) {
    return new StoryChange(story, List.of(keys), firstRevision(story),
      new StoryEvent(EventType.NEW, story.lastSeq(), story.updatedAt(), story, null, null));
  }

  /** A story loaded from history: stored with its keys and revision, but no event. */
  static StoryChange quiet(Story story, String... keys) {
    return new StoryChange(story, List.of(keys), firstRevision(story), null);
  }

  static StoryChange updated(Story before, Story after, String... newKeys) {
    return new StoryChange(after, List.of(newKeys),
      new Revision(after.revision(), after.headline(), after.source(), after.updatedAt(), "wording"),
      new StoryEvent(EventType.UPDATED, after.lastSeq(), after.updatedAt(), after, before.headline(), "wording"));
  }

  static StoryChange removed(Story story, long seq) {
    Story gone = story.withRemoved(at(seq), seq);
    return new StoryChange(gone, List.of(), null, new StoryEvent(EventType.REMOVED, seq, at(seq), gone, null, null));
  }

  private static Revision firstRevision(Story story) {
    return new Revision(1, story.headline(), story.source(), story.updatedAt(), null);
  }
}
