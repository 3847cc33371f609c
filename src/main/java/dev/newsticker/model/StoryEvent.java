package dev.newsticker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import java.time.Instant;

/**
 * A change to a story, as stored in the event log and sent to readers: the envelope of the
 * public contract, the same JSON ({@link #encode}) in the log, on SSE and on WebSocket.
 *
 * @param previous the headline before an update, when it changed
 * @param change   the kind of update where it is clear: figure, wording, correction, source
 * @param merged   the id of the story absorbed by {@code story} ({@code story.merged} only)
 */
@JsonInclude(Include.NON_NULL)
public record StoryEvent(String type, long seq, Instant at, Story story, String previous, String change,
                         String merged) {

  public StoryEvent(String type, long seq, Instant at, Story story, String previous, String change) {
    this(type, seq, at, story, previous, change, null);
  }

  public String encode() {
    return RecordJson.encode(this);
  }

  public static StoryEvent decode(String json) {
    return RecordJson.decode(json, StoryEvent.class);
  }
}
