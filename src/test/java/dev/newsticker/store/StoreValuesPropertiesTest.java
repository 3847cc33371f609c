package dev.newsticker.store;

import dev.newsticker.desk.StorableItems;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;
import io.vertx.core.Vertx;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.store.StoryFixtures.at;
import static dev.newsticker.store.StoryFixtures.created;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both stores hold the same values: any text the desk lets through (arbitrary Unicode, astral
 * planes, text that grows when lower-cased or normalised) is stored by H2 and PostgreSQL alike and
 * read back unchanged, in every text column, with its identity key.
 */
class StoreValuesPropertiesTest {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static Vertx vertx;
  private static PgTestSupport.TestSchema schema;
  private static List<StoryStore> stores;

  @BeforeContainer
  static void open() throws Exception {
    PgTestSupport.assumeReachable();
    vertx = Vertx.vertx();
    schema = PgTestSupport.freshSchema(vertx);
    stores = List.of(new H2StoryStore(vertx, Files.createTempDirectory("store-values")),
      new PgStoryStore(vertx, schema.url()));
    stores.forEach(store -> await(store.open()));
  }

  @AfterContainer
  static void close() {
    if (stores != null) {
      stores.forEach(store -> await(store.close()));
      PgTestSupport.drop(vertx, schema);
    }
    if (vertx != null) {
      await(vertx.close());
    }
  }

  @Property(tries = 300)
  void bothStoresHoldWhatTheDeskLetsThrough(@ForAll("texts") String text) {
    FeedItem item = new FeedItem(text, text, text, text, List.of(text), null, text, text, List.of(text), null, null, false);
    Optional<StorableItems.Problem> problem = StorableItems.check(item, 0);
    Statistics.label("desk").collect(problem.map(StorableItems.Problem::field).orElse("stored"));
    if (problem.isPresent()) {
      return;
    }
    long seq = SEQ.incrementAndGet();
    String id = "s" + seq;
    Story story = new Story(id, text, text, List.of(text), "https://example.org/" + seq, text, List.of(text), text,
      text.toLowerCase(Locale.ROOT), List.of(text), false, at(seq), at(seq), 1, seq, false);
    String key = IdentityKeys.of("h:" + text);

    for (StoryStore store : stores) {
      await(store.append(List.of(created(story, key))));
      assertEquals(story, await(store.story(id)).orElseThrow().story(), store.getClass().getSimpleName());
      assertEquals(text, await(store.story(id)).orElseThrow().revisions().get(0).headline());
      assertEquals(id, await(store.liveStoriesByKey(List.of(key))).get(key).id());
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> codePoints = Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
      .list().ofMinSize(1).ofMaxSize(80)
      .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()));
    Arbitrary<String> growing = Arbitraries.of("İ", "ﬃ", "ǅ", "\uAC00", "\uD835\uDC9C", "ß", "🔥")
      .list().ofMinSize(1).ofMaxSize(400).map(parts -> String.join("", parts));
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80), codePoints, growing);
  }
}
