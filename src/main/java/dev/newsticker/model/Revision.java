package dev.newsticker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * One version of a story: what its headline said, when, from whom, and how it changed.
 *
 * @param by     the publish token's name (or loopback address) of an editor's action; null for a source's item
 * @param action what an editor did ("edit"); null for a source's item
 */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"revision", "headline", "at", "source", "change", "by", "action"})
public record Revision(int revision, String headline, String source, Instant at, String change, String by,
                       String action) {

  /** A revision a source's item made. */
  public Revision(int revision, String headline, String source, Instant at, String change) {
    this(revision, headline, source, at, change, null, null);
  }
}
