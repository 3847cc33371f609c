package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The desk's matcher with the real embedding model (loaded once per JVM). */
class DeskMatcherTest {
  private static final Instant START = Instant.parse("2026-03-06T05:00:00Z");
  private static final String HOSTAGES = "Gunmen free 12 hostages seized in Mopti raid";
  private static final String HOSTAGES_REWORDED = "Twelve hostages taken in Mopti raid released by gunmen";

  private final List<String> embedded = new ArrayList<>();
  private MutableClock clock;
  private int stories;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(START);
  }

  private DeskMatcher matcher(boolean semantic) {
    Embedder counting = text -> {
      embedded.add(text);
      return MiniLmEmbedder.shared().embed(text);
    };
    return new DeskMatcher(new SimilarityMatcher(MatcherSettings.DEFAULTS, clock), semantic ? counting : null,
      SemanticSettings.DEFAULTS, clock);
  }

  @Test
  void theSameNewsInOtherWordsIsFoundByMeaning() {
    DeskMatcher lexicalOnly = matcher(false);
    index(lexicalOnly, HOSTAGES);
    assertEquals(Optional.empty(), lexicalOnly.match(item(HOSTAGES_REWORDED)), "too few words shared for the lexical matcher");

    DeskMatcher semantic = matcher(true);
    String id = index(semantic, HOSTAGES);
    assertEquals(Optional.of(id), semantic.match(item(HOSTAGES_REWORDED)));
  }

  @Test
  void noHeadlineIsEmbeddedTwice() {
    DeskMatcher matcher = matcher(true);
    String id = index(matcher, HOSTAGES);
    assertEquals(Optional.of(id), matcher.match(item(HOSTAGES_REWORDED)));
    reindex(matcher, id, HOSTAGES_REWORDED);
    String third = "Mopti raid hostages released by their captors";
    assertEquals(Optional.of(id), matcher.match(item(third)));

    assertEquals(List.of(HOSTAGES_REWORDED, HOSTAGES, third), embedded,
      "the story keeps the vector of each headline it had; the new one is embedded once");
  }

  @Test
  void aHeadlineSharingNoWordWithAnyStoryIsNotEmbedded() {
    DeskMatcher matcher = matcher(true);
    index(matcher, HOSTAGES);
    assertEquals(Optional.empty(), matcher.match(item("Orbis Motors to cut 4,000 jobs in Europe")));
    assertEquals(List.of(), embedded);
  }

  @Test
  void storiesNotUpdatedWithinTheSemanticWindowAreNotJudgedByMeaning() {
    DeskMatcher matcher = matcher(true);
    index(matcher, HOSTAGES);
    clock.advance(Duration.ofHours(SemanticSettings.DEFAULTS.windowHours() + 1));
    assertEquals(Optional.empty(), matcher.match(item(HOSTAGES_REWORDED)));
    assertEquals(List.of(), embedded, "a headline whose candidates are all older is not embedded either");
  }

  @Test
  void aStoryAVetoKeepsApartIsNeverEmbedded() {
    DeskMatcher matcher = matcher(true);
    index(matcher, "Floods in Peru kill 31 as rivers burst their banks");
    String sameNews = index(matcher, "Mopti gunmen free 12 hostages after raid");
    assertEquals(Optional.empty(), matcher.match(item("Floods in Bolivia kill 31 as swollen rivers burst banks")));
    assertEquals(Optional.of(sameNews), matcher.match(item(HOSTAGES_REWORDED)));

    assertEquals(List.of(HOSTAGES_REWORDED, "Mopti gunmen free 12 hostages after raid"), embedded,
      "neither the vetoed look-alike nor the headline judged only against it ran the model");
  }

  @Test
  void vetoesApplyToLexicalMatchesToo() {
    DeskMatcher matcher = matcher(false);
    index(matcher, "Tallinn stocks open sharply lower on Wednesday");
    assertEquals(Optional.empty(), matcher.match(item("Tallinn stocks close sharply lower on Wednesday")));
    assertEquals(Optional.empty(), matcher.match(item("Tallinn stocks open sharply lower on Thursday")));
  }

  @Test
  void aVetoedLookAlikeIsNotMergedByMeaningEither() {
    DeskMatcher matcher = matcher(true);
    index(matcher, "Floods in Peru kill 31 as rivers burst their banks");
    assertEquals(Optional.empty(), matcher.match(item("Floods in Bolivia kill 31 as rivers burst their banks")));
  }

  private String index(DeskMatcher matcher, String headline) {
    String id = "s" + (++stories);
    reindex(matcher, id, headline);
    return id;
  }

  private void reindex(DeskMatcher matcher, String id, String headline) {
    Instant at = clock.instant();
    matcher.index(new Story(id, headline, null, List.of(), null, "wire", List.of("wire"), null, null, List.of(), false,
      at, at, 1, 1, false));
  }

  private static FeedItem item(String headline) {
    return FeedItem.headline("other-wire", headline);
  }
}
