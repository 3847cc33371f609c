package dev.newsticker.ingest;

import dev.newsticker.model.FeedItem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireTextParserTest {

  @Test
  void sampleParsesToFiftyHeadlinesAndOneFullStory() throws IOException {
    List<FeedItem> items = WireTextParser.parse(fixture("/wire/sample.txt"), "wire");

    assertEquals(51, items.size());
    List<FeedItem> headlines = items.subList(0, 50);
    assertTrue(headlines.stream().allMatch(item -> item.body().isEmpty() && item.byline() == null));
    assertEquals("Rovers cruise into Lantern Cup quarters, Malu sends Tessel through", headlines.get(0).headline());
    assertEquals("Film probes conviction of Korvia harbour nurse", headlines.get(49).headline());

    FeedItem story = items.get(50);
    assertEquals("Western allies agree Skerry guarantees after Tessel 'progress'", story.headline());
    assertEquals("R.Vance--TNW", story.byline());
    assertEquals("TNW", story.source());
    assertEquals(10, story.body().size());
    assertTrue(story.body().contains("- 'Critical issue' -"));
    assertTrue(story.body().contains("- 'Hardens our resolve' -"));
    assertEquals("\"This only hardens our resolve,\" he added.", story.body().get(9));
    assertEquals(story.body().get(0), story.summary());
  }

  @Test
  void subheadInsideABodyIsNotASeparator() {
    String text = "Title of a story\nFirst paragraph of the story, long enough to read as a sentence of prose.\n"
      + "- 'Subhead' -\nLast paragraph of the story, also long enough to read as a sentence.\nA.Writer--XYZ";
    List<FeedItem> items = WireTextParser.parse(text, "wire");
    assertEquals(1, items.size());
    assertEquals(3, items.get(0).body().size());
    assertEquals("XYZ", items.get(0).source());
  }

  @Test
  void windowsLineEndingsBlankLinesAndControlCharactersAreTolerated() {
    List<FeedItem> items = WireTextParser.parse("-\r\nFirst\u0007 headline\r\n-\r\n\r\n-\r\nSecond headline\r\n", "wire");
    assertEquals(List.of("First headline", "Second headline"), items.stream().map(FeedItem::headline).toList());
    assertNull(items.get(0).byline());
  }

  @Test
  void emptyTextIsRefused() {
    assertThrows(WireTextException.class, () -> WireTextParser.parse("-\n-\n", "wire"));
    assertThrows(WireTextException.class, () -> WireTextParser.parse("  ", "wire"));
  }

  @Test
  void aBlockStartingWithAParagraphIsRefused() {
    String text = "This is a paragraph of prose that has many words and ends as a sentence does.\nAnother line";
    assertThrows(WireTextException.class, () -> WireTextParser.parse(text, "wire"));
  }

  static String fixture(String path) throws IOException {
    try (InputStream in = WireTextParserTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
