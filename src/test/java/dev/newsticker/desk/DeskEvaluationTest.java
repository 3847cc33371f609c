package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the desk's decision (identity by normalised headline, else {@link SimilarityMatcher})
 * over the labelled headlines of desk/eval.tsv in arrival order, and scores the updates it
 * finds against the true stories. Prints precision, recall and every wrong decision:
 * {@code mvn -B -o -q test -Dtest=DeskEvaluationTest}.
 */
class DeskEvaluationTest {
  private static final double MIN_PRECISION = 0.97;
  private static final double MIN_RECALL = 0.90;

  record Row(Instant at, String source, String label, String kind, String headline) {
  }

  /** Updates the desk found, how many of them were right, how many there were; every wrong decision. */
  record Result(int headlines, int stories, int trueUpdates, int foundUpdates, int correctUpdates, List<String> wrong) {
    double precision() {
      return foundUpdates == 0 ? 1 : (double) correctUpdates / foundUpdates;
    }

    double recall() {
      return trueUpdates == 0 ? 1 : (double) correctUpdates / trueUpdates;
    }
  }

  @Test
  void matcherFindsRevisionsWithoutFalseMerges() throws IOException {
    Result result = evaluate(load(), MatcherSettings.DEFAULTS);
    // A report for whoever tunes the matcher; the command in the class comment prints it.
    System.out.printf("Desk evaluation: %d headlines, %d stories, %d true updates%n", result.headlines(),
      result.stories(), result.trueUpdates());
    System.out.printf("precision %.3f (%d of %d updates found were right), recall %.3f (%d of %d)%n",
      result.precision(), result.correctUpdates(), result.foundUpdates(), result.recall(), result.correctUpdates(),
      result.trueUpdates());
    result.wrong().forEach(System.out::println);

    assertTrue(result.headlines() >= 300, "the evaluation set holds at least 300 headlines");
    assertTrue(result.precision() >= MIN_PRECISION, "precision " + result.precision() + " below " + MIN_PRECISION);
    assertTrue(result.recall() >= MIN_RECALL, "recall " + result.recall() + " below " + MIN_RECALL);
  }

  static Result evaluate(List<Row> rows, MatcherSettings settings) {
    MutableClock clock = new MutableClock(rows.get(0).at());
    SimilarityMatcher matcher = new SimilarityMatcher(settings, clock);
    Map<String, String> storyByKey = new HashMap<>();
    Map<String, Story> stories = new HashMap<>();
    Map<String, String> labelOfStory = new HashMap<>();
    Map<String, String> storyOfLabel = new HashMap<>();
    Set<String> seenLabels = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    int trueUpdates = 0;
    int foundUpdates = 0;
    int correctUpdates = 0;

    for (Row row : rows) {
      clock.set(row.at());
      FeedItem item = FeedItem.headline(row.source(), row.headline());
      String storyId = storyByKey.get(key(row.headline()));
      if (storyId == null) {
        storyId = matcher.match(item).orElse(null);
      }
      boolean isUpdate = seenLabels.contains(row.label());
      trueUpdates += isUpdate ? 1 : 0;
      Story story;
      if (storyId == null) {
        storyId = "s" + (stories.size() + 1);
        story = newStory(storyId, row);
        labelOfStory.put(storyId, row.label());
        storyOfLabel.putIfAbsent(row.label(), storyId);
        if (isUpdate) {
          wrong.add("MISSED  [" + row.kind() + "] " + row.headline()
            + "\n        its story: " + stories.get(storyOfLabel.get(row.label())).headline());
        }
      } else {
        Story before = stories.get(storyId);
        story = updated(before, row);
        foundUpdates++;
        if (labelOfStory.get(storyId).equals(row.label())) {
          correctUpdates++;
        } else {
          wrong.add("MERGED  [" + row.kind() + "] " + row.headline() + "\n        into:      " + before.headline());
        }
      }
      seenLabels.add(row.label());
      stories.put(storyId, story);
      storyByKey.put(key(row.headline()), storyId);
      matcher.index(story);
    }

    return new Result(rows.size(), new HashSet<>(labelOfStory.values()).size(), trueUpdates, foundUpdates,
      correctUpdates, wrong);
  }

  /** The identity key the desk uses before matching: the headline without case and punctuation. */
  static String key(String headline) {
    return headline.toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private static Story newStory(String id, Row row) {
    return new Story(id, row.headline(), null, List.of(), null, row.source(), List.of(row.source()), null, null,
      List.of(), false, row.at(), row.at(), 1, 0, false);
  }

  private static Story updated(Story story, Row row) {
    List<String> sources = new ArrayList<>(story.sources());
    if (!sources.contains(row.source())) {
      sources.add(row.source());
    }
    return new Story(story.id(), row.headline(), null, List.of(), null, story.source(), sources, null, null,
      List.of(), false, story.publishedAt(), row.at(), story.revision() + 1, 0, false);
  }

  static List<Row> load() throws IOException {
    try (InputStream in = DeskEvaluationTest.class.getResourceAsStream("/desk/eval.tsv")) {
      List<Row> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        rows.add(new Row(Instant.parse(f[0]), f[1], f[2], f[3], f[4]));
      }
      return rows;
    }
  }
}
