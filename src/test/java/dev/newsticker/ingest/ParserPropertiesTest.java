package dev.newsticker.ingest;

import dev.newsticker.api.InvalidItemException;
import dev.newsticker.api.PublishRequestParser;
import dev.newsticker.model.FeedItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever arrives, the publish parsers answer with items or with their documented exception
 * (WireTextException, InvalidItemException), never another one; and what they accept obeys the
 * limits.
 */
class ParserPropertiesTest {
  private static final int HEADLINE_CHARS = 400;
  private static final int MAX_ITEMS = 50;
  private final PublishRequestParser parser = new PublishRequestParser(HEADLINE_CHARS, MAX_ITEMS);

  @Property(tries = 1000)
  void wireTextAnswersItemsOrAWireTextException(@ForAll("wireText") String text) {
    try {
      List<FeedItem> items = parser.check(WireTextParser.parse(text, "api"));
      assertAcceptable(items);
    } catch (WireTextException | InvalidItemException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    }
  }

  @Property(tries = 2000)
  void anyStringAsJsonAnswersItemsOrAnInvalidItemException(@ForAll @StringLength(max = 400) String body) {
    jsonBody(body);
  }

  @Property(tries = 2000)
  void anyJsonShapeAnswersItemsOrAnInvalidItemException(@ForAll("jsonBodies") String body) {
    jsonBody(body);
  }

  private void jsonBody(String body) {
    try {
      assertAcceptable(parser.parseJson(body, "api"));
    } catch (InvalidItemException expected) {
      assertTrue(expected.toJson().getString("error").length() > 3);
    }
  }

  private static void assertAcceptable(List<FeedItem> items) {
    assertTrue(!items.isEmpty() && items.size() <= MAX_ITEMS, "items: " + items.size());
    for (FeedItem item : items) {
      assertTrue(item.headline() != null && !item.headline().isBlank() && item.headline().length() <= HEADLINE_CHARS,
        "headline: " + item.headline());
      assertTrue(item.headline().codePoints().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c)),
        "no control characters or lone surrogates: " + item.headline());
    }
  }

  /** Lines of headline-like text, separators, subheads, bylines, blanks and junk, in any order. */
  @Provide
  Arbitrary<String> wireText() {
    Arbitrary<String> line = Arbitraries.oneOf(
      Arbitraries.of("-", "- 'Subhead' -", "", " ", "J.Horn--BTB", "--", "---", "-x-", "\r", "\t-"),
      Arbitraries.strings().ofMaxLength(60),
      Arbitraries.strings().alpha().numeric().withChars(' ', '.', ',').ofMinLength(1).ofMaxLength(500),
      Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5));
    return line.list().ofMaxSize(80).map(lines -> String.join(Arbitraries.of("\n", "\r\n").sample(), lines));
  }

  /** JSON objects and arrays with the real field names, wrong types, nesting and odd strings. */
  @Provide
  Arbitrary<String> jsonBodies() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
      Arbitraries.strings().ofMaxLength(30).map(Object.class::cast),
      Arbitraries.strings().ofMinLength(390).ofMaxLength(420).map(Object.class::cast),
      Arbitraries.integers().map(Object.class::cast),
      Arbitraries.doubles().map(Object.class::cast),
      Arbitraries.of(true, false).map(Object.class::cast),
      Arbitraries.just(null),
      Arbitraries.of("javascript:alert(1)", "https://ok.example/a", "2026-02-05T10:15:00Z", "yesterday", "\u0000", "\ud800")
        .map(Object.class::cast));
    Arbitrary<Object> value = Arbitraries.oneOf(scalar,
      scalar.list().ofMaxSize(25).map(list -> (Object) new JsonArray(list)));
    Arbitrary<String> key = Arbitraries.oneOf(
      Arbitraries.of("id", "headline", "source", "url", "summary", "body", "byline", "category", "tags", "breaking",
        "publishedAt"),
      Arbitraries.strings().ofMaxLength(10));
    Arbitrary<JsonObject> object = Arbitraries.maps(key, value).ofMaxSize(8).map(map -> {
      JsonObject json = new JsonObject();
      map.forEach(json::put);
      return json;
    });
    return Arbitraries.oneOf(
      object.map(JsonObject::encode),
      object.list().ofMaxSize(MAX_ITEMS + 5).map(list -> new JsonArray(List.copyOf(list)).encode()),
      value.map(v -> new JsonArray().add(v).encode()));
  }
}
