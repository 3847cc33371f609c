package dev.newsticker.ingest;

import dev.newsticker.model.FeedItem;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedParserTest {
  private static final Instant FETCHED = Instant.parse("2026-11-28T05:00:00Z");
  private static final FeedDefinition FEED = FeedDefinition.of("http://127.0.0.1:1/feed", "Metro", "local", null, false);

  private final FeedParser parser = new FeedParser(400);

  private ParsedFeed parse(String fixture, String contentType) {
    return parser.parse(Fixtures.feed(fixture), contentType, FEED, FETCHED);
  }

  private static List<String> headlines(ParsedFeed feed) {
    return feed.items().stream().map(FeedItem::headline).toList();
  }

  @Test
  void rss091WithNetscapeDoctype() {
    ParsedFeed feed = parse("rss091.xml", "application/rss+xml");
    assertEquals(List.of("Harbour bridge reopens after storm repairs", "Fishing fleet returns early & reports record catch"),
      headlines(feed));
    FeedItem first = feed.items().get(0);
    assertEquals(FEED.id() + ":http://gazette.test/bridge", first.id());
    assertEquals("Metro", first.source());
    assertEquals("local", first.category());
    assertEquals(FETCHED, first.publishedAt());
  }

  @Test
  void rss10() {
    ParsedFeed feed = parse("rss10.rdf", "application/rdf+xml");
    assertEquals(List.of("Valley dam passes safety inspection", "New school opens in Northfield"), headlines(feed));
    assertEquals(Instant.parse("2026-11-27T08:00:00Z"), feed.items().get(0).publishedAt());
    assertEquals("A. Miller", feed.items().get(0).byline());
  }

  @Test
  void rss20WithHtmlBadDateControlCharsTtlAndHub() {
    ParsedFeed feed = parse("rss20.xml", "application/rss+xml; charset=utf-8");
    assertEquals(List.of("Council approves new tram line", "Market closes higher on tech rally",
      "Controlchar headline is cleaned"), headlines(feed));
    FeedItem tram = feed.items().get(0);
    assertEquals(FEED.id() + ":metro-1001", tram.id());
    assertEquals("The Green line will run & connect the suburbs.", tram.summary());
    assertEquals(Instant.parse("2026-11-27T10:00:00Z"), tram.publishedAt());
    assertEquals(List.of("transport"), tram.tags());
    assertEquals(FETCHED, feed.items().get(1).publishedAt(), "an unreadable date falls back to the fetch time");
    assertEquals(Duration.ofMinutes(15), feed.ttl());
    assertEquals("http://hub.test/", feed.hub());
    assertEquals("http://metro.test/rss.xml", feed.self());
  }

  @Test
  void atom03() {
    ParsedFeed feed = parse("atom03.xml", "application/atom+xml");
    assertEquals(List.of("Lighthouse restoration completed"), headlines(feed));
    assertEquals(FEED.id() + ":tag:coastal.test,2026:lighthouse", feed.items().get(0).id());
  }

  @Test
  void atom10WithHtmlTitleContentAndHub() {
    ParsedFeed feed = parse("atom10.xml", "application/atom+xml");
    assertEquals(List.of("Snow closes mountain pass", "Ferry timetable changes for winter"), headlines(feed));
    assertEquals("Fewer crossings from December.", feed.items().get(1).summary());
    assertEquals("K. Berg", feed.items().get(0).byline());
    assertEquals("http://hub.test/atom", feed.hub());
    assertEquals("http://northern.test/atom.xml", feed.self());
  }

  @Test
  void jsonFeed11() {
    ParsedFeed feed = parse("jsonfeed11.json", "application/feed+json");
    assertEquals(List.of("Island airport extends runway", "Harbour festival draws record crowds"), headlines(feed));
    FeedItem airport = feed.items().get(0);
    assertEquals(FEED.id() + ":island-77", airport.id());
    assertEquals(Instant.parse("2026-11-27T05:00:00Z"), airport.publishedAt());
    assertEquals(List.of("travel", "economy"), airport.tags());
    assertEquals("M. Sol", airport.byline());
    assertEquals("Over 40,000 visitors.", feed.items().get(1).summary());
    assertEquals(FETCHED, feed.items().get(1).publishedAt());
    assertEquals("http://hub.test/json", feed.hub());
  }

  @Test
  void jsonFeedRecognisedWithoutContentType() {
    assertEquals(2, parse("jsonfeed11.json", null).items().size());
  }

  @Test
  void charsetFromPrologAndBom() {
    assertEquals(List.of("M\u00fcnchen feiert Caf\u00e9-Er\u00f6ffnung"), headlines(parse("latin1.xml", "text/xml")));
    assertEquals(List.of("\u00c5rhus harbour \u2013 new quay opens"), headlines(parse("utf16-bom.xml", null)));
  }

  @Test
  void malformedHtmlAndBillionLaughsFail() {
    assertTrue(assertThrows(FetchException.class, () -> parse("malformed.xml", "application/xml"))
      .getMessage().startsWith("malformed feed"));
    assertEquals("not a feed: the server sent an HTML page",
      assertThrows(FetchException.class, () -> parse("page.html", "text/html")).getMessage());
    String laughs = assertThrows(FetchException.class, () -> parse("billion-laughs.xml", "application/xml")).getMessage();
    assertTrue(laughs.contains("DOCTYPE"), laughs);
  }

  @Test
  void externalEntityNeverReadsTheFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-42");
    String xml = Fixtures.feed("xxe-template.xml").toString().replace("FILE_URL", secret.toUri().toString());
    FetchException e = assertThrows(FetchException.class,
      () -> parser.parse(Buffer.buffer(xml), "application/xml", FEED, FETCHED));
    assertFalse(e.getMessage().contains("TOP-SECRET-42"));
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
  }

  @Test
  void identityFallsBackToTitleAndDateAndIsHashedWhenLong() {
    String longGuid = "guid-".repeat(60);
    String xml = "<rss version=\"2.0\"><channel><title>t</title>"
      + "<item><title>Plain entry</title><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item>"
      + "<item><title>Long guid</title><guid>" + longGuid + "</guid></item>"
      + "<item><description>Only a description, no title at all here</description></item>"
      + "<item></item></channel></rss>";
    ParsedFeed feed = parser.parse(Buffer.buffer(xml), "application/rss+xml", FEED, FETCHED);
    assertEquals(3, feed.items().size(), "an entry with no text at all is skipped");
    assertTrue(feed.items().get(0).id().startsWith(FEED.id() + ":Plain entry|"));
    assertEquals(FEED.id().length() + 1 + 32, feed.items().get(1).id().length());
    assertEquals("Only a description, no title at all here", feed.items().get(2).headline());
    assertNull(feed.items().get(2).summary());
    FeedItem again = parser.parse(Buffer.buffer(xml), "application/rss+xml", FEED, FETCHED.plusSeconds(60)).items().get(0);
    assertEquals(feed.items().get(0).id(), again.id(), "identity does not depend on the fetch time");
  }

  @Test
  void plainTextDropsMarkupScriptsAndBidiOverrides() {
    assertEquals("Rates rise & markets fall", FeedText.plain("<p>Rates <i>rise</i> &amp; markets<script>alert(1)</script> fall</p>"));
    assertEquals("caf\u00e9 \u2014 news", FeedText.plain("caf&#233; &mdash;\u202E news"));
    assertNull(FeedText.plain("<br/> &nbsp; "));
  }
}
