package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's matcher: the lexical matcher finds candidates and decides the cheap cases, the
 * {@link Vetoes} keep different news apart, and a sentence embedding recognises the same news
 * told in other words.
 * <p>
 * A headline first goes to {@link SimilarityMatcher}: a story it matches there is the answer,
 * unless a veto tells them apart. Otherwise the stories updated within
 * {@link SemanticSettings#windowHours} that share at least {@link SemanticSettings#sharedPercent}
 * of its term weight (at most {@link SemanticSettings#candidates}, most shared first) and that no
 * veto keeps apart are judged by the cosine of their embeddings: the closest one above
 * {@link SemanticSettings#cosinePercent} (higher, {@link SemanticSettings#titleCaseCosinePercent},
 * when either headline is in Title Case, where names cannot be told from other words) is the
 * answer. A headline with no such candidate is never embedded. Each story keeps the vector of its
 * headline (quantized to a byte per dimension): the vector computed for a headline goes with the
 * story it creates or updates, and a story first judged without one gets it then, so no
 * headline is embedded twice.
 * <p>
 * Not thread-safe: the desk calls it from its single writer, off the event loop.
 */
final class DeskMatcher implements StoryMatcher {
  private static final float SCALE = 127f;

  private final SimilarityMatcher lexical;
  private final Embedder embedder;
  private final double cosine;
  private final double caselessCosine;
  private final double shared;
  private final int candidates;
  private final long windowMillis;
  private final Clock clock;
  private final Map<String, Known> known = new HashMap<>();
  private Closeness closest;
  private String embeddedHeadline;
  private byte[] embeddedVector;

  /** A live story as the judge sees it: its headline and, once computed, the headline's vector. */
  private static final class Known {
    final String headline;
    final long updated;
    HeadlineFacts facts;
    byte[] vector;

    Known(String headline, long updated, byte[] vector) {
      this.headline = headline;
      this.updated = updated;
      this.vector = vector;
    }

    HeadlineFacts facts() {
      if (facts == null) {
        facts = HeadlineFacts.of(headline);
      }
      return facts;
    }
  }

  /** @param embedder null for the lexical matcher and the vetoes alone */
  DeskMatcher(SimilarityMatcher lexical, Embedder embedder, SemanticSettings settings, Clock clock) {
    this.clock = clock;
    this.windowMillis = Duration.ofHours(settings.windowHours()).toMillis();
    this.lexical = lexical;
    this.embedder = embedder;
    this.cosine = settings.cosinePercent() / 100.0;
    this.caselessCosine = settings.titleCaseCosinePercent() / 100.0;
    this.shared = settings.sharedPercent() / 100.0;
    this.candidates = settings.candidates();
    lexical.onForget(known::remove);
  }

  @Override
  public Optional<String> match(FeedItem item) {
    closest = null;
    HeadlineFacts facts = null;
    Optional<String> found = lexical.match(item);
    if (found.isPresent()) {
      facts = HeadlineFacts.of(item.headline());
      Known story = known.get(found.get());
      if (story == null || Vetoes.apart(facts, story.facts()) == null) {
        closest = new Closeness(found.get(), lexical.lastScore(), lexical.threshold());
        return found;
      }
    }
    if (embedder == null) {
      return Optional.empty();
    }
    long since = clock.millis() - windowMillis;
    List<String> sharing = lexical.sharing(item, shared, candidates, since);
    if (sharing.isEmpty()) {
      return Optional.empty();
    }
    facts = facts == null ? HeadlineFacts.of(item.headline()) : facts;
    List<Known> judged = new ArrayList<>(sharing.size());
    List<String> ids = new ArrayList<>(sharing.size());
    for (String id : sharing) {
      Known story = known.get(id);
      // the vetoes cost microseconds, an embedding a millisecond: a story they keep apart is never embedded
      if (story != null && story.updated >= since && Vetoes.apart(facts, story.facts()) == null) {
        judged.add(story);
        ids.add(id);
      }
    }
    if (judged.isEmpty()) {
      return Optional.empty();
    }
    byte[] vector = embedWith(item.headline(), judged);
    String best = null;
    double bestCosine = cosine;
    for (int i = 0; i < judged.size(); i++) {
      Known story = judged.get(i);
      double similarity = dot(vector, story.vector);
      // names cannot be compared when either headline is in Title Case: the meaning must be closer
      double least = facts.caseless() || story.facts().caseless() ? caselessCosine : cosine;
      if (similarity >= Math.max(least, bestCosine)) {
        best = ids.get(i);
        bestCosine = similarity;
        closest = new Closeness(ids.get(i), similarity, least);
      } else if (best == null && (closest == null || similarity - least > closest.score() - closest.threshold())) {
        closest = new Closeness(ids.get(i), similarity, least);
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public Optional<Closeness> closest() {
    return Optional.ofNullable(closest);
  }

  @Override
  public void index(Story story) {
    Known before = known.get(story.id());
    lexical.index(story);
    if (!lexical.contains(story.id())) {
      return;
    }
    byte[] vector = null;
    if (story.headline().equals(embeddedHeadline)) {
      vector = embeddedVector;
    } else if (before != null && story.headline().equals(before.headline)) {
      vector = before.vector;
    }
    Instant updated = story.updatedAt() != null ? story.updatedAt() : story.publishedAt();
    known.put(story.id(), new Known(story.headline(), updated == null ? clock.millis() : updated.toEpochMilli(), vector));
  }

  @Override
  public void remove(String storyId) {
    lexical.remove(storyId);
  }

  /**
   * The headline's vector, remembered so that the story it creates or updates keeps it, and the
   * vectors of the stories judged that have none yet. One text per run of the model: in a batch
   * the quantized model scales its activations over the whole batch, so a vector would depend on
   * the texts it was computed with.
   */
  private byte[] embedWith(String headline, List<Known> judged) {
    if (!headline.equals(embeddedHeadline)) {
      embeddedVector = quantize(embedder.embed(headline));
      embeddedHeadline = headline;
    }
    for (Known story : judged) {
      if (story.vector == null) {
        story.vector = quantize(embedder.embed(story.headline));
      }
    }
    return embeddedVector;
  }

  static byte[] quantize(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = (float) (SCALE / Math.sqrt(norm == 0 ? 1 : norm));
    byte[] quantized = new byte[vector.length];
    for (int i = 0; i < vector.length; i++) {
      quantized[i] = (byte) Math.max(-127, Math.min(127, Math.round(vector[i] * scale)));
    }
    return quantized;
  }

  static double dot(byte[] a, byte[] b) {
    int sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum / (SCALE * SCALE);
  }
}
