package dev.newsticker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to a story, as stored in the event log and sent to readers: the envelope of the
 * public contract, the same JSON ({@link #encode}) in the log, on SSE and on WebSocket.
 *
 * @param previous the headline before an update, when it changed
 * @param change   the kind of update where it is clear: figure, wording, correction, source
 * @param merged   the id of the story absorbed by {@code story} ({@code story.merged} only)
 * @param was      what readers filter on, as it was: the story before an update that changed its
 *                 category or breaking flag or took a source away, or the absorbed story of a merge
 */
@JsonInclude(Include.NON_NULL)
public record StoryEvent(String type, long seq, Instant at, Story story, String previous, String change,
                         String merged, Was was) {

  public StoryEvent(String type, long seq, Instant at, Story story, String previous, String change) {
    this(type, seq, at, story, previous, change, null, null);
  }

  /** {@code story.updated}: {@code was} is filled when {@code before} matched filters {@code story} may not. */
  public static StoryEvent updated(long seq, Instant at, Story before, Story story, String previous, String change) {
    return new StoryEvent(EventType.UPDATED, seq, at, story, previous, change, null, Was.between(before, story));
  }

  /** {@code story.merged}: {@code survivor} absorbed {@code absorbed}, whose readers must hear of it. */
  public static StoryEvent merged(long seq, Instant at, Story survivor, Story absorbed) {
    return new StoryEvent(EventType.MERGED, seq, at, survivor, null, null, absorbed.id(), Was.of(absorbed));
  }

  /**
   * The story as a filter saw it before this event, when that may differ from {@code story}: a
   * reader whose filter matched it has the line on screen and must get the event; null otherwise.
   */
  public Story before() {
    return was == null || story == null ? null : was.applyTo(story);
  }

  public String encode() {
    return RecordJson.encode(this);
  }

  public static StoryEvent decode(String json) {
    return RecordJson.decode(json, StoryEvent.class);
  }

  /** The fields a reader's filter looks at ({@link StoryFilter}), as they were. */
  public record Was(String category, List<String> sources, boolean breaking) {

    public Was {
      sources = sources == null ? List.of() : List.copyOf(sources);
    }

    static Was of(Story story) {
      return new Was(story.category(), story.sources(), story.breaking());
    }

    /** Null when every filter that matched {@code before} still matches {@code after}: sources only grow. */
    static Was between(Story before, Story after) {
      boolean same = Objects.equals(before.category(), after.category())
        && before.breaking() == after.breaking() && after.sources().containsAll(before.sources());
      return same ? null : of(before);
    }

    Story applyTo(Story story) {
      return new Story(story.id(), story.headline(), story.summary(), story.body(), story.url(), story.source(), sources,
        story.byline(), category, story.tags(), breaking, story.publishedAt(), story.updatedAt(), story.revision(),
        story.lastSeq(), story.removed(), story.breakingUntil());
    }
  }
}
