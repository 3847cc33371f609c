package dev.newsticker.e2e;

import dev.newsticker.support.ConfiguredServerTestBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Whatever the API accepts, the store holds (issue 21, items 1 and 2): values that grow when the
 * desk lower-cases or normalises them, headlines without words, and the items refused before the
 * desk decides anything. Run against each store by a subclass.
 */
abstract class LegalValuesTest extends ConfiguredServerTestBase {

  /** The settings that pick the store, in the shape of conf/config.json. */
  protected abstract JsonObject storeSettings();

  @BeforeEach
  void startServer() {
    start(storeSettings());
  }

  @Test
  void aCategoryThatDoublesWhenLowerCasedIsStored() {
    JsonObject published = published(new JsonObject().put("headline", "Dotted capitals fill the category")
      .put("category", "İ".repeat(60)));

    // categories are kept lower-cased: 120 characters
    assertEquals("İ".repeat(60).toLowerCase(Locale.ROOT), story(published).getString("category"));
  }

  @Test
  void headlinesWhoseIdentityKeysOutgrowThemAreStoredAndRecognised() {
    String ligatures = "ﬃ".repeat(400);
    String korean = IntStream.range(0, 399).mapToObj(i -> String.valueOf((char) (0xAC00 + i * 17))).reduce("", String::concat);
    String astral = "𝒜𝒷".repeat(200);
    for (String headline : List.of(ligatures, korean, astral)) {
      JsonObject first = published(new JsonObject().put("headline", headline).put("category", "𝒜".repeat(60)));
      assertEquals("story.new", first.getString("type"));
      assertEquals(headline, story(first).getString("headline"));

      JsonObject again = published(new JsonObject().put("headline", headline));
      assertEquals("story.unchanged", again.getString("type"));
      assertEquals(first.getString("storyId"), again.getString("storyId"));
    }
  }

  @Test
  void headlinesWithoutLettersOrDigitsAreKeyedByTheirExactText() {
    JsonObject fire = published(new JsonObject().put("headline", "🔥🔥🔥"));
    JsonObject rocket = published(new JsonObject().put("headline", "🚀🚀"));
    JsonObject marks = published(new JsonObject().put("headline", "!!! ???"));

    for (JsonObject result : List.of(fire, rocket, marks)) {
      assertEquals("story.new", result.getString("type"));
    }
    assertNotEquals(fire.getString("storyId"), rocket.getString("storyId"));
    assertNotEquals(rocket.getString("storyId"), marks.getString("storyId"));
    assertEquals("🔥🔥🔥", story(fire).getString("headline"));
    JsonObject fireAgain = published(new JsonObject().put("headline", "🔥🔥🔥"));
    assertEquals("story.unchanged", fireAgain.getString("type"));
    assertEquals(fire.getString("storyId"), fireAgain.getString("storyId"));
  }

  @Test
  void invisibleCharactersInsideAHeadlineAreDroppedSoItIsTheSameStory() {
    JsonObject hidden = published(new JsonObject()
      .put("headline", "Har\u200Bbour bridge\u2060 re\u00ADopens after\uFEFF repairs"));
    assertEquals("Harbour bridge reopens after repairs", story(hidden).getString("headline"));
    JsonObject plain = published(new JsonObject().put("headline", "Harbour bridge reopens after repairs"));
    assertEquals("story.unchanged", plain.getString("type"));
    assertEquals(hidden.getString("storyId"), plain.getString("storyId"));
    JsonObject family = published(new JsonObject().put("headline", "Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 reunited at the border"));
    assertEquals("Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 reunited at the border", story(family).getString("headline"),
      "the joiners of an emoji sequence stay");
  }

  @Test
  void aBatchWithAnItemTheStoreCannotHoldIsRefusedNamingItAndStoresNothing() {
    long before = api.events(0).size();
    for (Object[] bad : new Object[][] {
      {new JsonObject().put("headline", "\u200B\u200B\u200B"), "headline"},
      {new JsonObject().put("headline", "\u3164\u2800\uFE0F"), "headline"},
      {new JsonObject().put("headline", "Far future").put("publishedAt", "9999-12-31T23:59:59.999999999-18:00"), "publishedAt"},
      {new JsonObject().put("headline", "Before the calendar").put("publishedAt", "0000-12-31T23:00:00Z"), "publishedAt"}}) {
      JsonArray batch = new JsonArray().add(new JsonObject().put("headline", "First fine item of the batch"))
        .add(new JsonObject().put("headline", "Second fine item of the batch")).add(bad[0]);

      HttpResponse<Buffer> response = api.publish(batch.encode());

      assertEquals(400, response.statusCode(), response.bodyAsString());
      JsonObject error = response.bodyAsJsonObject();
      assertEquals(2, error.getInteger("item"), error.encode());
      assertEquals(bad[1], error.getString("field"), error.encode());
    }
    assertEquals(before, api.events(0).size());
    assertEquals("story.new", published(new JsonObject().put("headline", "The desk carries on")).getString("type"));
  }

  @Test
  void publishedAtIsKeptToTheMicrosecondLikeTheLiveEvent() {
    JsonObject published = published(new JsonObject().put("headline", "Clocks tick in nanoseconds")
      .put("publishedAt", "2026-02-05T10:15:00.123456789+01:00"));

    JsonObject story = story(published);
    assertEquals("2026-02-05T09:15:00.123456Z", story.getString("publishedAt"));
    JsonObject event = api.events(published.getLong("seq") - 1).getJsonObject(0).getJsonObject("story");
    assertEquals(story.getString("publishedAt"), event.getString("publishedAt"));
    assertEquals(story.getString("updatedAt"), event.getString("updatedAt"));
  }

  private JsonObject published(JsonObject item) {
    return api.publishOne(item);
  }

  private JsonObject story(JsonObject result) {
    HttpResponse<Buffer> response = api.get("/api/v1/stories/" + result.getString("storyId"));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    return body.containsKey("story") ? body.getJsonObject("story") : body;
  }
}
