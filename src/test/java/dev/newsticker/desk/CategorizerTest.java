package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategorizerTest {
  private final Categorizer categorizer = Categorizer.fromClasspath();

  @ParameterizedTest(name = "{1} -> {0}")
  @CsvSource(delimiter = '|', value = {
    "sport         | Varga pulls out of the Madrid tournament with a hip injury",
    "sport         | Spain goalkeeper Ibarra to undergo knee surgery",
    "sport         | Curling kicks off sports programme at 2026 Winter Olympics",
    "sport         | Lindqvist rises to career-high world ranking",
    "politics      | French government survives no-confidence vote over budget",
    "business      | Central bank holds interest rates despite sticky inflation",
    "world         | Floods in Peru kill 31 as rivers burst their banks",
    "tech          | Greece foils cyberattacks targeting election servers",
    "science       | Astronomers spot comet that may be visible to naked eye",
    "health        | Preventive cholera vaccination resumes as global supply swells",
    "entertainment | Streaming film about Congolese boxer wins top prize at festival"})
  void categoryFromKeywords(String expected, String headline) {
    assertEquals(expected, categorizer.categorize(FeedItem.headline("wire", headline)).category());
  }

  @Test
  void noKeywordNoCategory() {
    assertNull(categorizer.categorize(FeedItem.headline("wire", "Who is behind it, and why now?")).category());
  }

  @Test
  void theSourceCategoryWinsAndIsMappedOntoKnownOnes() {
    assertEquals("sport", categorizer.categorize(withCategory("Sports", "Central bank holds rates")).category());
    assertEquals("sport", categorizer.categorize(withCategory("Tennis", "Varga wins")).category());
    assertEquals("local news", categorizer.categorize(withCategory(" Local News ", "Varga wins")).category());
  }

  @Test
  void tagsAndSummaryCountWhenTheHeadlineSaysLittle() {
    FeedItem item = new FeedItem(null, "wire", "Varga: 'I will be back'", "The striker was injured in the cup final.",
      List.of(), null, null, null, List.of(), null, null, false);
    assertEquals("sport", categorizer.categorize(item).category());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "BREAKING: Magnitude 7.1 earthquake strikes off Chile",
    "Breaking News - Magnitude 7.1 earthquake strikes off Chile",
    "URGENT Magnitude 7.1 earthquake strikes off Chile",
    "FLASH — Magnitude 7.1 earthquake strikes off Chile",
    "  Just in: Magnitude 7.1 earthquake strikes off Chile"})
  void aBreakingLabelSetsTheFlagAndIsCutOff(String headline) {
    FeedItem item = categorizer.categorize(FeedItem.headline("wire", headline));
    assertTrue(item.breaking());
    assertEquals("Magnitude 7.1 earthquake strikes off Chile", item.headline());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "Flash floods kill 12 in Oman",
    "Urgent appeal for blood donors in Lyon",
    "Breaking the silence: survivors speak"})
  void wordsThatOnlyLookLikeLabelsAreKept(String headline) {
    FeedItem item = categorizer.categorize(FeedItem.headline("wire", headline));
    assertFalse(item.breaking());
    assertEquals(headline, item.headline());
  }

  @Test
  void thePublisherFlagWins() {
    FeedItem labelled = FeedItem.headline("wire", "BREAKING: Quake strikes off Chile");
    FeedItem notBreaking = new FeedItem(null, "wire", labelled.headline(), null, List.of(), null, null, null, List.of(),
      false, null, false);
    FeedItem categorized = categorizer.categorize(notBreaking);
    assertFalse(categorized.breaking());
    assertEquals("Quake strikes off Chile", categorized.headline());
    FeedItem flagged = new FeedItem(null, "wire", "Quake strikes off Chile", null, List.of(), null, null, null,
      List.of(), true, null, false);
    assertTrue(categorizer.categorize(flagged).breaking());
  }

  private static FeedItem withCategory(String category, String headline) {
    return new FeedItem(null, "wire", headline, null, List.of(), null, null, category, List.of(), null, null, false);
  }
}
