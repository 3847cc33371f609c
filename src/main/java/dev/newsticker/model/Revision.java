package dev.newsticker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/** One version of a story's headline: what it said, when, from whom, and how it changed. */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"revision", "headline", "at", "source", "change"})
public record Revision(int revision, String headline, String source, Instant at, String change) {
}
