package dev.newsticker.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * One version of a story: what its headline said, when, from whom, and how it changed.
 *
 * @param by     the publish token's name (or loopback address) of an editor's action; null for a source's item
 * @param action what an editor did ("edit", "merge", "split"); null for a source's item
 * @param item   the identity key of the source's item that made it (its source and id), when it had one: a split
 *               takes the later revisions of the same item along; the desk's own, never shown
 */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"revision", "headline", "at", "source", "change", "by", "action"})
public record Revision(int revision, String headline, String source, Instant at, String change, String by,
                       String action, @JsonIgnore String item) {

  /** An editor's revision, or one read back without its item. */
  public Revision(int revision, String headline, String source, Instant at, String change, String by, String action) {
    this(revision, headline, source, at, change, by, action, null);
  }

  /** A revision a source's item made. */
  public Revision(int revision, String headline, String source, Instant at, String change) {
    this(revision, headline, source, at, change, null, null, null);
  }
}
