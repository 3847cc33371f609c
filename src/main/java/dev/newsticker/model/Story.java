package dev.newsticker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * A story as readers see it now: its current headline and what goes with it.
 *
 * @param source   the source that first reported it
 * @param sources  every source that has reported it, first reporter first
 * @param revision 1 for the first version, one more for each update
 * @param lastSeq  the seq of the last event that changed it ({@code seq} in JSON)
 * @param breakingUntil when a breaking flag ends by itself; null when the story is not breaking
 */
@JsonInclude(Include.NON_NULL)
public record Story(
  String id,
  String headline,
  String summary,
  @JsonInclude(Include.NON_EMPTY) List<String> body,
  String url,
  String source,
  List<String> sources,
  String byline,
  String category,
  List<String> tags,
  boolean breaking,
  Instant publishedAt,
  Instant updatedAt,
  int revision,
  @JsonProperty("seq") long lastSeq,
  @JsonInclude(Include.NON_DEFAULT) boolean removed,
  Instant breakingUntil) {

  public Story {
    body = body == null ? List.of() : List.copyOf(body);
    sources = sources == null ? List.of() : List.copyOf(sources);
    tags = tags == null ? List.of() : List.copyOf(tags);
    breakingUntil = breaking ? breakingUntil : null;
  }

  /** A story whose breaking flag, if any, has no end. */
  public Story(String id, String headline, String summary, List<String> body, String url, String source,
               List<String> sources, String byline, String category, List<String> tags, boolean breaking,
               Instant publishedAt, Instant updatedAt, int revision, long lastSeq, boolean removed) {
    this(id, headline, summary, body, url, source, sources, byline, category, tags, breaking, publishedAt, updatedAt,
      revision, lastSeq, removed, null);
  }

  public Story withRemoved(Instant at, long seq) {
    return new Story(id, headline, summary, body, url, source, sources, byline, category, tags, breaking,
      publishedAt, at, revision, seq, true, breakingUntil);
  }

  /** A retracted story live again, as it was, with an editor's revision. */
  public Story withRestored(Instant at, int newRevision, long seq) {
    return new Story(id, headline, summary, body, url, source, sources, byline, category, tags, breaking,
      publishedAt, at, newRevision, seq, false, breakingUntil);
  }

  public Story withLastSeq(long seq) {
    return new Story(id, headline, summary, body, url, source, sources, byline, category, tags, breaking,
      publishedAt, updatedAt, revision, seq, removed, breakingUntil);
  }

  /** The story with its breaking flag set until {@code until} (null: no end), or ended ({@code breaking} false). */
  public Story withBreaking(boolean on, Instant until, Instant at, int newRevision, long seq) {
    return new Story(id, headline, summary, body, url, source, sources, byline, category, tags, on,
      publishedAt, at, newRevision, seq, removed, until);
  }

  public boolean hasSource(String name) {
    return sources.contains(name);
  }

  public JsonObject toJson() {
    return RecordJson.toJsonObject(this);
  }
}
