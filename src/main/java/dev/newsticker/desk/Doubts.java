package dev.newsticker.desk;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Story;
import dev.newsticker.store.StoryChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.UUID;

/**
 * The desk's close calls, for an editor to confirm or undo: near-misses (a new story whose closest
 * candidate scored just under the threshold) and close merges (an item the matcher joined to a story
 * just above it), within {@code band} of the threshold. The newest {@code kept} are held in memory on
 * the desk's node only: a restart forgets them, and the desk's log of decisions is the stories themselves.
 * The desk records from its worker and answers editors from its event loop, hence the locking.
 */
final class Doubts {
  static final String NEAR_MISS = "near-miss";
  static final String CLOSE_MERGE = "close-merge";
  /** Records nothing: for a book without an editor (evaluations). */
  static final Doubts NONE = new Doubts(0, 0);

  private final double band;
  private final int kept;
  private final ArrayDeque<Doubt> doubts = new ArrayDeque<>();

  /** One close call; {@code revision} is the revision a close merge added (null for a near-miss). */
  record Doubt(String id, String kind, double score, double threshold, Instant at, String storyId,
               String storyHeadline, String otherId, String otherHeadline, Integer revision) {

    boolean involves(Collection<String> storyIds) {
      return storyIds.contains(storyId) || storyIds.contains(otherId);
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("kind", kind)
        .put("score", Math.round(score * 1000) / 1000.0).put("threshold", Math.round(threshold * 1000) / 1000.0)
        .put("at", at.toString())
        .put("story", new JsonObject().put("id", storyId).put("headline", storyHeadline))
        .put("other", new JsonObject().put("id", otherId).put("headline", otherHeadline));
      return revision == null ? json : json.put("revision", revision);
    }
  }

  /** {@code bandPercent}: points of score under and over the threshold that count as close; {@code kept}: the most held. */
  Doubts(int bandPercent, int kept) {
    this.band = bandPercent / 100.0;
    this.kept = kept;
  }

  Doubts(DoubtSettings settings) {
    this(settings.bandPercent(), settings.kept());
  }

  /**
   * Weighs the matcher's verdict on an item that made {@code change}: a new story whose closest
   * candidate was within the band under the threshold, or a story joined within the band over it.
   */
  synchronized void consider(StoryMatcher.Closeness judged, Story before, StoryChange change, StoryBook book,
                             Instant now) {
    if (kept == 0) {
      return;
    }
    Story story = change.story();
    boolean created = EventType.NEW.equals(change.event().type());
    if (created && !judged.matched() && judged.score() >= judged.threshold() - band) {
      Story other = book.story(judged.storyId());
      if (other != null) {
        add(new Doubt(newId(), NEAR_MISS, judged.score(), judged.threshold(), now, story.id(), story.headline(),
          other.id(), other.headline(), null));
      }
    } else if (!created && before != null && judged.matched() && judged.storyId().equals(story.id())
      && judged.score() < judged.threshold() + band && change.revision() != null) {
      add(new Doubt(newId(), CLOSE_MERGE, judged.score(), judged.threshold(), now, story.id(), story.headline(),
        story.id(), before.headline(), change.revision().revision()));
    }
  }

  private void add(Doubt doubt) {
    doubts.addFirst(doubt);
    while (doubts.size() > kept) {
      doubts.removeLast();
    }
  }

  /** The newest first, at most {@code limit}. */
  synchronized JsonObject newest(int limit) {
    JsonArray list = new JsonArray();
    Iterator<Doubt> newestFirst = doubts.iterator();
    while (newestFirst.hasNext() && list.size() < limit) {
      list.add(newestFirst.next().toJson());
    }
    return new JsonObject().put("doubts", list);
  }

  /** An editor agreed with the desk: the doubt goes. False when there was no such doubt. */
  synchronized boolean dismiss(String doubtId) {
    return doubts.removeIf(doubt -> Objects.equals(doubt.id(), doubtId));
  }

  /** The stories were merged, split, kept apart or retracted: their doubts are resolved. */
  synchronized void resolved(Collection<String> storyIds) {
    doubts.removeIf(doubt -> doubt.involves(storyIds));
  }

  private static String newId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
