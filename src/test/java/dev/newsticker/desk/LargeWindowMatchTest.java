package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The posting budget at 100,000 stories: a revision that keeps a rare word of its story is found
 * as surely as by a matcher that scans without a budget, revisions in general are found, and new
 * headlines are not merged into stories.
 */
class LargeWindowMatchTest {
  private static final int STORIES = 100_000;
  private static final int SAMPLE = 2_000;
  /** A word in this few stories has a posting list far shorter than the budget. */
  private static final int RARE = 100;

  private static List<Story> window;
  private static List<String> revisions;
  private static List<String> newHeadlines;
  private static SimilarityMatcher budgeted;
  private static SimilarityMatcher unbounded;
  private static Map<String, Integer> storiesPerTerm;

  @BeforeAll
  static void indexWindow() {
    SyntheticHeadlines headlines = new SyntheticHeadlines(7, 40_000, 30_000);
    // oldest first, the order in which the desk indexes stories when it rebuilds from the store
    window = new ArrayList<>(DeskMatchBenchmark.window(headlines, STORIES));
    Collections.reverse(window);
    revisions = new ArrayList<>();
    newHeadlines = new ArrayList<>();
    for (int i = 0; i < SAMPLE; i++) {
      revisions.add(headlines.revise(sampled(i).headline()));
      newHeadlines.add(headlines.headline());
    }
    MatcherSettings d = MatcherSettings.DEFAULTS;
    Clock clock = Clock.fixed(DeskMatchBenchmark.NOW, ZoneOffset.UTC);
    budgeted = new SimilarityMatcher(d, clock);
    unbounded = new SimilarityMatcher(new MatcherSettings(d.enabled(), d.windowHours(), d.thresholdPercent(),
      d.nameWeightPercent(), d.substitutionPercent(), d.addedPercent(), d.droppedPercent(), d.nameConflictPercent(),
      d.maxReplacedTerms(), d.minSharedTerms(), d.idfPriorStories(), d.maxPostings(), Integer.MAX_VALUE, d.maxStories()),
      clock);
    storiesPerTerm = new HashMap<>();
    TermIndex empty = new TermIndex(d.maxPostings());
    for (Story story : window) {
      budgeted.index(story);
      unbounded.index(story);
      HeadlineTerms.of(story.headline(), empty).forEach(term -> storiesPerTerm.merge(term.term(), 1, Integer::sum));
    }
  }

  @Test
  void revisionsKeepingARareWordAreFoundAsWithoutBudget() {
    int keeping = 0;
    for (int i = 0; i < SAMPLE; i++) {
      String revision = revisions.get(i);
      if (keepsRareWord(sampled(i).headline(), revision)) {
        keeping++;
        assertEquals(match(unbounded, revision), match(budgeted, revision), revision);
      }
    }
    assertTrue(keeping > SAMPLE * 9 / 10, keeping + " of " + SAMPLE + " revisions keep a rare word");
  }

  @Test
  void revisionsAreFound() {
    int found = 0;
    for (int i = 0; i < SAMPLE; i++) {
      found += match(budgeted, revisions.get(i)).equals(Optional.of(sampled(i).id())) ? 1 : 0;
    }
    assertTrue(found >= SAMPLE * 97 / 100, found + " of " + SAMPLE + " revisions found");
  }

  @Test
  void newHeadlinesAreNotMerged() {
    int merged = 0;
    for (String headline : newHeadlines) {
      merged += match(budgeted, headline).isPresent() ? 1 : 0;
    }
    assertTrue(merged <= SAMPLE / 200, merged + " of " + SAMPLE + " new headlines merged into a story");
  }

  private static Story sampled(int i) {
    return window.get(i * (STORIES / SAMPLE));
  }

  private static Optional<String> match(SimilarityMatcher matcher, String headline) {
    return matcher.match(FeedItem.headline("test", headline));
  }

  private static boolean keepsRareWord(String story, String revision) {
    TermIndex empty = new TermIndex(MatcherSettings.DEFAULTS.maxPostings());
    List<String> kept = HeadlineTerms.of(revision, empty).stream().map(HeadlineTerms::term).toList();
    return HeadlineTerms.of(story, empty).stream()
      .anyMatch(term -> kept.contains(term.term()) && storiesPerTerm.get(term.term()) <= RARE);
  }
}
