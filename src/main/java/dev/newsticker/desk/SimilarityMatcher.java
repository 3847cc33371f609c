package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the story a reworded headline revises, through an inverted index over weighted terms.
 * <p>
 * A term weighs its rarity among the live stories (IDF, smoothed by a prior of
 * {@link MatcherSettings#idfPriorStories} so that a small window does not make every word rare),
 * twice as much (by default) when it is a name. Figures are left out, since revisions change them.
 * Candidates come from the posting lists of the headline's rarest terms (never from a scan of the
 * window), as many as needed to be sure no story that could reach the threshold is left out;
 * a signature of each story's terms in its postings rules most out, a cheap merge of sorted term
 * ids most of the rest, and the remaining few are scored by {@link MatchScore}. The scan stops as
 * soon as the best story found beats any story that shares none of the terms scanned (on exact
 * terms), and in any case after {@link MatcherSettings#postingBudget} postings, so the work for a
 * headline does not grow with the window: a revision that keeps one of its story's rare words is
 * found at its first lists, and only a headline of common words alone (in more stories than the
 * budget) looks among the stories updated last. Misspelt words are paired with their fix only
 * for candidates that pass on exact terms. Stories not updated within the window never match and
 * are dropped from the index.
 * <p>
 * Not thread-safe: the desk calls it from its single thread.
 */
public final class SimilarityMatcher implements StoryMatcher {
  /** Low bits of a story's encoded term: the term is a name; the term is evidence. */
  static final int NAME_BIT = 1;
  private static final int EVIDENCE_BIT = 2;
  private static final double EPSILON = 1e-6;

  private final Clock clock;
  private final long windowMillis;
  private final double nameWeight;
  private final double idfPrior;
  private final MatchScore scoring;
  private final TermIndex terms;
  private final StorySlots slots = new StorySlots();
  private final HeadlineQuery query;
  private final StoryOverlap overlap;
  private final Candidates candidates = new Candidates();
  private final int postingBudget;
  private Consumer<String> forgotten = id -> { };
  private final int minSharedTerms;
  private int best;
  private double bestScore;
  private long nextSweep;

  public SimilarityMatcher(MatcherSettings settings, Clock clock) {
    this.clock = clock;
    this.windowMillis = settings.window().toMillis();
    this.nameWeight = settings.nameWeightPercent() / 100.0;
    this.idfPrior = settings.idfPriorStories();
    this.scoring = new MatchScore(settings);
    this.postingBudget = settings.postingBudget();
    this.minSharedTerms = settings.minSharedTerms();
    this.terms = new TermIndex(settings.maxPostings());
    this.query = new HeadlineQuery(terms, this::weight);
    this.overlap = new StoryOverlap(query, slots, terms, scoring, this::weight);
  }

  @Override
  public Optional<String> match(FeedItem item) {
    long now = clock.millis();
    sweepIfDue(now);
    query.load(HeadlineTerms.of(item.headline(), terms));
    if (query.size == 0) {
      return Optional.empty();
    }
    best = -1;
    bestScore = 0;
    findBest(scoring.sharedWeightNeeded(query.totalWeight) - EPSILON, now - windowMillis);
    candidates.clear();
    return best < 0 ? Optional.empty() : Optional.of(slots.id(best));
  }

  @Override
  public void index(Story story) {
    remove(story.id());
    if (story.removed()) {
      return;
    }
    long now = clock.millis();
    sweepIfDue(now);
    long updated = millis(story.updatedAt() != null ? story.updatedAt() : story.publishedAt(), now);
    if (updated < now - windowMillis) {
      return;
    }
    List<HeadlineTerms> headline = HeadlineTerms.of(story.headline(), terms);
    int[] encoded = new int[headline.size()];
    long signature = 0;
    for (int i = 0; i < encoded.length; i++) {
      HeadlineTerms term = headline.get(i);
      int id = terms.intern(term.term());
      encoded[i] = id << 2 | (term.name() ? NAME_BIT : 0) | (term.evidence() ? EVIDENCE_BIT : 0);
      signature |= HeadlineQuery.signatureMask(id);
    }
    Arrays.sort(encoded);
    int slot = slots.allocate(story.id(), updated, encoded);
    for (int value : encoded) {
      terms.add(value >>> 2, slot, signature, (value & EVIDENCE_BIT) != 0, (value & NAME_BIT) != 0);
    }
  }

  @Override
  public void remove(String storyId) {
    int slot = slots.find(storyId);
    if (slot < 0) {
      return;
    }
    int[] story = slots.termArray(slot);
    for (int s = slots.termStart(slot), end = s + slots.termCount(slot); s < end; s++) {
      terms.remove(story[s] >>> 2, slot, (story[s] & EVIDENCE_BIT) != 0, (story[s] & NAME_BIT) != 0);
    }
    slots.release(slot);
    forgotten.accept(storyId);
  }

  /** The score of the story the last {@link #match} chose; the least score of a match. */
  double lastScore() {
    return bestScore;
  }

  double threshold() {
    return scoring.threshold();
  }

  /** Tells {@code listener} of every story that leaves the index: removed, replaced or out of the window. */
  void onForget(Consumer<String> listener) {
    forgotten = listener;
  }

  /** Whether the story is in the index (live and within the window). */
  boolean contains(String storyId) {
    return slots.find(storyId) >= 0;
  }

  /**
   * Up to {@code limit} stories of the window updated since {@code since} (epoch millis) that
   * share at least {@code share} of the headline's term weight and
   * {@link MatcherSettings#minSharedTerms} terms, most shared first: the candidates the semantic
   * stage judges. The posting lists are scanned rarest first, as for a
   * match, until the terms left could not give a story that share on their own, or the budget is
   * spent.
   */
  List<String> sharing(FeedItem item, double share, int limit, long since) {
    long cutoff = Math.max(since, clock.millis() - windowMillis);
    query.load(HeadlineTerms.of(item.headline(), terms));
    double needed = share * query.totalWeight - EPSILON;
    int budget = postingBudget;
    double unscanned = query.knownWeight;
    for (int k = 0; k < query.size && unscanned >= needed && budget > 0; k++) {
      int q = query.byRarity[k];
      int read = scanList(q, budget, unscanned - needed);
      budget -= Math.max(read, 0);
      unscanned -= read >= 0 && read == terms.postingCount(query.ids[q]) ? query.weights[q] : 0;
    }
    TopSlots kept = new TopSlots(limit);
    for (int i = 0; i < candidates.count(); i++) {
      int slot = candidates.slot(i);
      double weight = sharedWeight(slot);
      if (weight >= needed && query.sharedTerms >= minSharedTerms && slots.updatedAt(slot) >= cutoff) {
        kept.offer(slot, weight);
      }
    }
    candidates.clear();
    return kept.slots().stream().map(slots::id).toList();
  }

  /** Live stories in the index. */
  public int size() {
    return slots.size();
  }

  /**
   * Finds candidates through the posting lists of the headline's rarest terms: once the terms
   * left weigh less than a match needs, a story sharing none of the terms scanned so far cannot
   * match, so the common terms with their long lists are never scanned. Terms too common to have
   * a posting list are passed over; terms no story uses can be shared by none. The candidates of
   * each list are checked right after it, and the scan stops once the best of them beats any
   * story sharing none of the terms scanned. The budget of postings is spent from the end of each
   * list (the stories updated last); a list read only in part still counts as unscanned. A story
   * first found in a list lacks the terms of the lists scanned whole before it (or it would have
   * been found there), so it must reach the threshold on the terms left: the signature test
   * weighs only those.
   */
  private void findBest(double needed, long cutoff) {
    int budget = postingBudget;
    double unscanned = query.knownWeight;
    for (int k = 0; k < query.size && unscanned >= needed && budget > 0; k++) {
      int q = query.byRarity[k];
      int first = candidates.count();
      int read = scanList(q, budget, unscanned - needed);
      if (read < 0) {
        continue;
      }
      budget -= read;
      unscanned -= read == terms.postingCount(query.ids[q]) ? (float) query.weights[q] : 0;
      check(first, unscanned, needed, cutoff);
      if (best >= 0 && bestScore > scoring.ceiling(unscanned + EPSILON, query.totalWeight)) {
        return;
      }
    }
  }

  /**
   * Adds the stories of query term {@code q}'s posting list to the candidates, at most
   * {@code budget} of them from the end of the list (the stories updated last), ruling out by
   * signature those that would lack more than {@code missable} of the terms still tested. Returns
   * the postings read, or -1 when the term has no list (no story uses it, or too many do).
   */
  private int scanList(int q, int budget, double missable) {
    int id = query.ids[q];
    if (id < 0 || terms.postings(id) == null) {
      return -1;
    }
    int size = terms.postingCount(id);
    int from = Math.max(0, size - budget);
    query.untest(q);
    candidates.scan(terms.postings(id), from, size, (float) query.weights[q], query, missable);
    return size - from;
  }

  /**
   * Scores the candidates from {@code first} on, keeping the best. A candidate may share the
   * weight of the terms it was found with ({@code reach}) and of the terms not scanned yet.
   */
  private void check(int first, double unscanned, double needed, long cutoff) {
    for (int i = first; i < candidates.count(); i++) {
      int slot = candidates.slot(i);
      if (candidates.reach(i) + unscanned < needed || sharedWeight(slot) < needed) {
        continue;
      }
      double score = overlap.score(slot);
      // last: the sweep drops stories gone out of the window, so few candidates fail this
      if (score < scoring.threshold() || slots.updatedAt(slot) < cutoff) {
        continue;
      }
      if (best < 0 || score > bestScore || (score == bestScore && slots.updatedAt(slot) > slots.updatedAt(best))) {
        best = slot;
        bestScore = score;
      }
    }
  }

  /** The weight a story shares with the query: a cheap merge that rules most candidates out before scoring. */
  private double sharedWeight(int slot) {
    return query.sharedWeight(slots.termArray(slot), slots.termStart(slot), slots.termCount(slot));
  }

  /** A term's rarity among the live stories (IDF smoothed by the prior), boosted for a name. */
  private double weight(int termId, boolean name) {
    double idf = Math.log(1 + (slots.size() + idfPrior) / (terms.df(termId) + 1));
    return name ? idf * nameWeight : idf;
  }

  private void sweepIfDue(long now) {
    if (now < nextSweep) {
      return;
    }
    long cutoff = now - windowMillis;
    for (String id : slots.idsUpdatedBefore(cutoff)) {
      remove(id);
    }
    nextSweep = now + Math.max(60_000, windowMillis / 24);
  }

  private static long millis(Instant at, long fallback) {
    return at == null ? fallback : at.toEpochMilli();
  }
}
