package dev.newsticker.desk;

import dev.newsticker.config.ConfigReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The semantic stage of the desk, from the "desk" section of the configuration: a sentence
 * embedding judges the stories that share some words with a headline but not enough for the
 * lexical matcher.
 *
 * @param enabled           false: lexical matching and the vetoes alone (no model is loaded)
 * @param cosinePercent     the least cosine similarity (0..100) of a headline and a story it updates
 * @param titleCaseCosinePercent the least cosine when either headline is in Title Case: its names
 *                          cannot be checked, so the meaning must be closer
 * @param candidates        how many stories, most words shared first, the embedding judges per headline
 * @param sharedPercent     the least share of a headline's term weight a story must have to be judged
 * @param windowHours       only stories updated this recently are judged: another source's wording of
 *                          the same news comes within hours, a story told anew a day later is a development
 */
public record SemanticSettings(boolean enabled, int cosinePercent, int titleCaseCosinePercent, int candidates,
                               int sharedPercent, int windowHours) {
  private static final Logger LOG = LoggerFactory.getLogger(SemanticSettings.class);

  public static final SemanticSettings DEFAULTS = new SemanticSettings(true, 75, 80, 4, 20, 6);

  public static SemanticSettings from(ConfigReader desk) {
    SemanticSettings d = DEFAULTS;
    return new SemanticSettings(
      desk.bool("semantic", d.enabled),
      desk.integer("semanticCosinePercent", d.cosinePercent, 1, 100),
      desk.integer("semanticTitleCaseCosinePercent", d.titleCaseCosinePercent, 1, 100),
      desk.integer("semanticCandidates", d.candidates, 1, 1000),
      desk.integer("semanticSharedPercent", d.sharedPercent, 1, 100),
      desk.integer("semanticWindowHours", d.windowHours, 1, 24 * 365));
  }

  /** The desk's matcher: the lexical matcher, the vetoes and, when enabled, the embedding. */
  public StoryMatcher newMatcher(MatcherSettings lexical, Clock clock) {
    if (!lexical.enabled()) {
      return StoryMatcher.NONE;
    }
    return new DeskMatcher(new SimilarityMatcher(lexical, clock), enabled ? MiniLmEmbedder.shared() : null, this, clock);
  }
}
