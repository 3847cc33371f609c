package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import dev.newsticker.store.DeskState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real desk (a {@link StoryBook} with the matcher the server builds from the same settings)
 * on a clock the caller sets: items go in one at a time, in arrival order, as the desk verticle
 * hands them over. For evaluations and tests.
 */
final class DeskRun {
  private final MutableClock clock;
  private final StoryBook book;
  private final MemoryLookup stored = new MemoryLookup();

  DeskRun(MatcherSettings lexical, SemanticSettings semantic, Instant start) {
    this.clock = new MutableClock(start);
    this.book = new StoryBook(new DeskState(0, List.of(), List.of(), List.of()), stored, semantic.newMatcher(lexical, clock),
      ChangeClassifier::classify, Categorizer.fromClasspath(), Duration.ofHours(1));
  }

  /** Publishes one item at the given time: the story it landed in and the decision. */
  PublishResult publish(FeedItem item, Instant at) {
    clock.set(at);
    StoryBook.Batch batch = book.decide(List.of(item), at);
    stored.store(batch.changes());
    return batch.results().get(0);
  }

  PublishResult publish(String source, String headline, Instant at) {
    return publish(FeedItem.headline(source, headline), at);
  }
}
