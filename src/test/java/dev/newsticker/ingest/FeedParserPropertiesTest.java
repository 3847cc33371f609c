package dev.newsticker.ingest;

import dev.newsticker.model.FeedItem;
import io.vertx.core.buffer.Buffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a feed server sends, the parser answers with items or a {@link FeedRefusal} whose reason is one this
 * project wrote: corpus feeds with bytes flipped, cut, or markup and references thrown in, and plain noise.
 */
class FeedParserPropertiesTest {
  private static final Pattern OUR_WORDS = Pattern.compile("^(not a feed: .+|malformed feed: .+|refused: .+"
    + "|not valid [\\w-]+ at byte [\\d,]+|base64 content could not be decoded|the feed could not be read)$");
  private static final List<String> NASTY = List.of("<", "&", "]]>", "<![CDATA[", "&#0;", "&#x110000;", "&#146;",
    "\u0000", "<!DOCTYPE x>", "<!ENTITY e 'x'>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "\u00ff\u00fe",
    "&amp;lt;", "mode=\"base64\"", "<channel>", "</entry>", "<feed>", "{\"version\":\"https://jsonfeed.org/version/1\"",
    "\uFEFF");
  private static final List<String> FILES = Fixtures.corpus().stream().map(c -> c[0]).toList();
  private static final List<String> TYPES = List.of("application/rss+xml", "application/atom+xml; charset=utf-16",
    "text/xml; charset=shift_jis", "application/feed+json", "text/html; charset=iso-8859-1",
    "application/xml; charset=bogus");

  private final FeedParser parser = new FeedParser(400);
  private final FeedDefinition feed = FeedDefinition.of("http://127.0.0.1:1/p", "P", null, null, false);

  @Property(tries = 1500)
  void damagedCorpusFeedsGiveItemsOrAReasonInOurWords(@ForAll("damaged") byte[] body,
                                                      @ForAll("contentTypes") String type) {
    check(body, type);
  }

  @Property(tries = 500)
  void noiseGivesAReasonInOurWords(@ForAll("noise") byte[] body, @ForAll("contentTypes") String type) {
    check(body, type);
  }

  private void check(byte[] body, String type) {
    try {
      for (FeedItem item : parser.parse(Buffer.buffer(body), type, feed, Instant.now()).items()) {
        String headline = item.headline();
        assertTrue(headline != null && !headline.isBlank() && headline.length() <= 400, headline);
        assertTrue(headline.indexOf('\uFFFD') < 0 || sentReplacementCharacter(body), "U+FFFD not sent: " + headline);
      }
    } catch (FeedRefusal refusal) {
      assertTrue(OUR_WORDS.matcher(refusal.getMessage()).matches(), refusal.getMessage());
    }
  }

  /** The replacement character as UTF-8 bytes, or as a reference to it. */
  private static boolean sentReplacementCharacter(byte[] body) {
    String latin1 = new String(body, StandardCharsets.ISO_8859_1).toLowerCase();
    return latin1.contains("\u00ef\u00bf\u00bd") || latin1.contains("&#65533;") || latin1.contains("&#xfffd;");
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(Arbitraries.of(TYPES), Arbitraries.just(null));
  }

  @Provide
  Arbitrary<byte[]> noise() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    Arbitrary<byte[]> file = Arbitraries.of(FILES).map(name -> Fixtures.feed("corpus/" + name).getBytes());
    Arbitrary<Integer> where = Arbitraries.integers().between(0, 10_000);
    Arbitrary<byte[]> insert = Arbitraries.of(NASTY).map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Combinators.combine(file, where, insert, Arbitraries.integers().between(0, 3), Arbitraries.bytes())
      .as((bytes, at, extra, how, random) -> {
        int i = bytes.length == 0 ? 0 : at % bytes.length;
        return switch (how) {
          case 0 -> splice(bytes, i, extra, 0);
          case 1 -> splice(bytes, i, new byte[] {random}, Math.min(1, bytes.length - i));
          case 2 -> java.util.Arrays.copyOf(bytes, i);
          default -> splice(bytes, i, new byte[0], Math.min(5, bytes.length - i));
        };
      });
  }

  private static byte[] splice(byte[] bytes, int at, byte[] insert, int remove) {
    byte[] out = new byte[bytes.length - remove + insert.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
    return out;
  }
}
