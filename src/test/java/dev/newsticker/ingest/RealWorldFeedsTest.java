package dev.newsticker.ingest;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.Metrics;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20's causes, each through the real server: a feed served over HTTP with the Content-Type of the case,
 * added through POST /api/v1/feeds, read back from /api/v1/stories (the right headline) or /api/v1/feeds (a
 * refusal in our words, and nothing of that feed stored).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealWorldFeedsTest {
  private static final String RSS = "application/rss+xml";
  private static final String ATOM = "application/atom+xml";

  private final Vertx vertx = Vertx.vertx();
  private FixtureServer publisher;
  private Server server;
  private Api api;
  private Path drop;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    publisher = Await.result(FixtureServer.start(vertx));
    drop = dataDir.resolve("drop");
    server = TestServers.start(vertx, TestServers.settings(dataDir, new JsonObject().put("feeds", new JsonObject()
      .put("list", new JsonArray()).put("minIntervalSeconds", 60)
      .put("dropFolder", drop.toString()).put("dropSource", "dropped").put("dropScanMillis", 100))));
    api = new Api(vertx, server.port());
  }

  @AfterAll
  void stop() {
    api.close();
    Await.result(server.stop());
    Await.result(publisher.close());
    Await.result(vertx.close());
  }

  @Test
  void everyHtmlEntityAndTheWindows1252RangeDecode() {
    assertEquals(List.of("Café «Le Monde» © reopens"),
      headlines("entities", rss("Caf&amp;eacute; &amp;laquo;Le Monde&amp;raquo; &amp;copy; reopens"), RSS));
    assertEquals(List.of("Ministers don’t agree on harbour levy"),
      headlines("cp1252-reference", rss("Ministers don&amp;#146;t agree on harbour levy"), RSS));
    byte[] latin1 = bytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>"
      + rssBody("Farmers won\u0092t sell the valley"), StandardCharsets.ISO_8859_1);
    assertEquals(List.of("Farmers won’t sell the valley"), headlines("cp1252-raw", latin1, RSS));
    assertEquals(List.of("Bold move by the harbour council"),
      headlines("nested-markup",
        rss("&lt;b&gt;Bold&lt;/b&gt; move by the &lt;i&gt;harbour &lt;u&gt;council&lt;/u&gt;&lt;/i&gt;"), RSS));
  }

  @Test
  void theHttpCharsetWinsOverTheProlog() {
    byte[] utf8 = bytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>" + rssBody("Grüße aus Köln"),
      StandardCharsets.UTF_8);
    assertEquals(List.of("Grüße aus Köln"), headlines("http-utf8", utf8, "application/xml; charset=utf-8"));
    String russian = "В Москве открылся новый мост";
    byte[] cp1251 = bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + rssBody(russian),
      Charset.forName("windows-1251"));
    assertEquals(List.of(russian), headlines("http-cp1251", cp1251, "text/xml; charset=windows-1251"));
  }

  @Test
  void undeclaredBytesAreDetectedAndUndecodableOnesRefused() {
    String russian = "Правительство утвердило "
      + "новый бюджет на следующий год";
    byte[] cp1251 = bytes(rssBody(russian), Charset.forName("windows-1251"));
    assertEquals(List.of(russian), headlines("undeclared-cp1251", cp1251, RSS));
    String utf32 = "Tide gauges – Ålesund records a new high";
    byte[] withBom = concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
      bytes(rssBody(utf32), Charset.forName("UTF-32BE")));
    assertEquals(List.of(utf32), headlines("utf32-bom", withBom, RSS));
    String utf32NoBom = "Øresund bridge tolls – cut by a fifth";
    byte[] noBom = bytes(rssBody(utf32NoBom), Charset.forName("UTF-32LE"));
    assertEquals(List.of(utf32NoBom), headlines("utf32-layout", noBom, "application/rss+xml; charset=iso-8859-1"));

    byte[] broken = bytes(rssBody("Straßenbahn fährt wieder über die Brücke"), StandardCharsets.UTF_8);
    int stray = indexOf(broken, (byte) 0xC3);
    broken[stray] = (byte) 0xE9;
    assertEquals("not valid UTF-8 at byte " + stray, refusal("broken-utf8", broken, RSS));
  }

  @Test
  void atom03CdataTitleKeepsItsEntry() {
    byte[] atom03 = atom03("<title><![CDATA[Fire & Ice at the glacier museum]]></title>");
    assertEquals(List.of("Fire & Ice at the glacier museum"), headlines("atom03-cdata", atom03, ATOM));
  }

  @Test
  void base64ContentIsDecodedOrRefused() {
    String base64 = "\n  RXhhbXBsZSA8Yj5BdG9tPC9iPiBoZWFkbGluZSBm\n  cm9tIHRoZSBjb2FzdA==\n";
    assertEquals(List.of("Example Atom headline from the coast"),
      headlines("atom03-base64", atom03("<title mode=\"base64\">" + base64 + "</title>"), ATOM));
    String atom10 = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>"
      + "<updated>2026-11-27T10:00:00Z</updated>"
      + "<entry><id>urn:e1</id><updated>2026-11-27T10:00:00Z</updated>"
      + "<content type=\"application/octet-stream\">UmVjb3JkIDxiPkF0b208L2I+IGNhdGNoIGF0IHRoZSBwb3J0</content>"
      + "</entry></feed>";
    assertEquals(List.of("Record Atom catch at the port"),
      headlines("atom10-base64", bytes(atom10, StandardCharsets.UTF_8), ATOM));
    byte[] bad = atom03("<title mode=\"base64\">" + base64.replace("RXhh", "R*h^") + "</title>");
    assertEquals("base64 content could not be decoded", refusal("atom03-bad-base64", bad, ATOM));
  }

  @Test
  void aBareDoctypeAfterACommentIsDroppedOneWithEntitiesRefused() {
    String netscape = "<?xml version=\"1.0\"?>\n<!-- generated -->\n<?xml-stylesheet href=\"s.xsl\"?>\n"
      + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
      + "  \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
      + "<rss version=\"0.91\"><channel><title>t</title><link>http://x.test/</link><description>d</description>"
      + "<item><title>Lighthouse keeper retires after forty years</title><link>http://x.test/1</link></item>"
      + "</channel></rss>";
    assertEquals(List.of("Lighthouse keeper retires after forty years"),
      headlines("doctype-after-comment", bytes(netscape, StandardCharsets.UTF_8), RSS));
    String entities = "<?xml version=\"1.0\"?>\n<!-- hi -->\n"
      + "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>" + rssBody("&secret;");
    String reason = refusal("doctype-entities", bytes(entities, StandardCharsets.UTF_8), RSS);
    assertTrue(reason.startsWith("refused: ") && reason.contains("DOCTYPE"), reason);
  }

  @Test
  void aNamespaceLessFeedIsReadAsAtom() {
    String feed = "<feed><title>Plain</title><entry><title>Ferry returns to the island timetable</title>"
      + "<id>urn:plain:1</id><updated>2026-11-27T10:00:00Z</updated></entry></feed>";
    assertEquals(List.of("Ferry returns to the island timetable"),
      headlines("no-namespace", bytes(feed, StandardCharsets.UTF_8), "application/xml"));
  }

  @Test
  void refusalsAreInANewsroomsWordsAndCounted() {
    assertEquals("malformed feed: no channel element",
      refusal("no-channel", bytes("<rss version=\"2.0\"><item><title>x</title></item></rss>", StandardCharsets.UTF_8),
        RSS));
    assertEquals("not a feed: the document's root is <catalog>",
      refusal("other-root", bytes("<catalog><book>x</book></catalog>", StandardCharsets.UTF_8), "application/xml"));
    assertEquals("malformed feed: not well-formed XML at line 1, column 47",
      refusal("unclosed", bytes("<rss version=\"2.0\"><channel><title>t</title></rss>", StandardCharsets.UTF_8), RSS));
    assertEquals("malformed feed: not well-formed JSON at line 1, column 13",
      refusal("bad-json", bytes("{\"version\": ]", StandardCharsets.UTF_8), "application/feed+json"));
    String metrics = api.get("/metrics").bodyAsString();
    assertTrue(Metrics.value(metrics, "newsticker_feed_refusals_total{kind=\"malformed\"") >= 3, metrics);
    assertTrue(Metrics.value(metrics, "newsticker_feed_refusals_total{kind=\"not_a_feed\"") >= 1, metrics);
  }

  @Test
  void theDropFolderTakesWireTextOnlyAndFeedsFromItsFeedsFolder() throws IOException {
    Await.until("the drop folder watched", () -> Files.isDirectory(drop.resolve("feeds")));
    dropFile("rss.xml", rss("Item 1 title"));
    dropFile("page.html", bytes("<!DOCTYPE html><html><body><p>Hello</p></body></html>", StandardCharsets.UTF_8));
    dropFile("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
    dropFile("latin1.txt", bytes("Müller wins the mayoral vote\n", StandardCharsets.ISO_8859_1));
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
      bytes("Night trains return to the northern line\n", StandardCharsets.UTF_16LE));
    dropFile("unicode.txt", utf16);
    dropFile("feeds/harbour.xml", rss("Harbour crane topples in overnight gale"));
    dropFile("items.json",
      bytes("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}", StandardCharsets.UTF_8));

    assertEquals("an XML document, not wire text (feeds go into the feeds/ folder)", failedReason("rss.xml"));
    assertEquals("an HTML page, not wire text", failedReason("page.html"));
    assertEquals("a binary file, not wire text", failedReason("photo.jpg"));
    assertEquals("a JSON document, not wire text (feeds go into the feeds/ folder)", failedReason("items.json"));
    assertEquals("not valid UTF-8 at byte 1", failedReason("latin1.txt"));
    Await.until("the wire text and the feed done", () -> Files.exists(drop.resolve("done/unicode.txt"))
      && Files.exists(drop.resolve("done/harbour.xml")));
    Await.until("both stored", () -> stored("dropped").size() == 2);
    assertEquals(List.of("Harbour crane topples in overnight gale", "Night trains return to the northern line"),
      stored("dropped").stream().sorted().toList());
  }

  // ---- helpers

  private void dropFile(String name, byte[] content) throws IOException {
    Path target = drop.resolve(name);
    Path temporary = target.resolveSibling(target.getFileName() + ".part");
    Files.write(temporary, content);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private String failedReason(String name) throws IOException {
    Path reason = drop.resolve("failed/" + name + ".reason");
    Await.until(name + " failed", () -> Files.exists(reason));
    assertTrue(Files.exists(drop.resolve("failed/" + name)));
    return Files.readString(reason).trim();
  }

  private List<String> headlines(String name, byte[] body, String contentType) {
    String id = add(name, body, contentType);
    Await.until(name + " fetched", () -> !"pending".equals(status(id).getString("state")));
    JsonObject status = status(id);
    assertEquals("ok", status.getString("state"), name + ": " + status.encode());
    return stored(name);
  }

  /** The refusal's reason, after checking that nothing of the feed was stored. */
  private String refusal(String name, byte[] body, String contentType) {
    String id = add(name, body, contentType);
    Await.until(name + " refused", () -> failing(id));
    assertTrue(stored(name).isEmpty(), name + " stored nothing");
    String reason = status(id).getString("lastError");
    assertFalse(reason.contains("Exception") || reason.contains("java") || reason.contains("null"), reason);
    return reason;
  }

  private String add(String name, byte[] body, String contentType) {
    publisher.serve("/" + name, ctx -> ctx.response().putHeader("Content-Type", contentType).end(Buffer.buffer(body)));
    HttpResponse<Buffer> added = Await.result(api.client().post("/api/v1/feeds")
      .sendJsonObject(new JsonObject().put("url", publisher.url("/" + name)).put("source", name)));
    assertEquals(201, added.statusCode(), added.bodyAsString());
    return added.bodyAsJsonObject().getString("id");
  }

  private boolean failing(String id) {
    return "failing".equals(status(id).getString("state"));
  }

  private JsonObject status(String id) {
    return api.get("/api/v1/feeds").bodyAsJsonObject().getJsonArray("feeds").stream().map(JsonObject.class::cast)
      .filter(feed -> feed.getString("id").equals(id)).findFirst().orElseThrow().getJsonObject("status");
  }

  private List<String> stored(String source) {
    return api.get("/api/v1/stories?limit=500").bodyAsJsonObject().getJsonArray("stories").stream()
      .map(JsonObject.class::cast)
      .filter(story -> story.getJsonArray("sources").contains(source))
      .map(story -> story.getString("headline"))
      .toList();
  }

  /** An RSS 2.0 document of one item, UTF-8 without a declaration. */
  static byte[] rss(String title) {
    return bytes(rssBody(title), StandardCharsets.UTF_8);
  }

  /** An Atom 0.3 document of one entry whose title element is given. */
  private static byte[] atom03(String titleElement) {
    return bytes("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Coast</title><entry>" + titleElement
      + "<id>tag:coast,2026:" + Integer.toHexString(titleElement.hashCode()) + "</id>"
      + "<issued>2026-11-27T10:00:00Z</issued></entry></feed>", StandardCharsets.UTF_8);
  }

  static String rssBody(String title) {
    return "<rss version=\"2.0\"><channel><title>Test</title><link>http://t.test/</link><description>d</description>"
      + "<item><title>" + title + "</title><guid>g-" + Integer.toHexString(title.hashCode()) + "</guid></item>"
      + "</channel></rss>";
  }

  static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no such byte");
  }
}
