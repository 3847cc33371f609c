package dev.newsticker.store;

import dev.newsticker.Server;
import dev.newsticker.model.Story;
import dev.newsticker.support.Api;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.store.StoryFixtures.created;
import static dev.newsticker.store.StoryFixtures.story;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A store written before identity keys were hashed opens, and its stories are still recognised by
 * their headline and by their source's id; a category as long as the API allows now fits.
 */
class StoreUpgradeTest {
  /** The keys as the previous version wrote them: their text. */
  private static final List<String> LEGACY_KEYS = List.of("h:quake hits coast", "id:wire:g-17");

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private Server server;
  private final Story quake = story("a", "Quake hits coast", "world", false, 1, "wire");

  @BeforeEach
  void createVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      await(server.stop());
    }
    await(vertx.close());
  }

  @Test
  void anEmbeddedStoreOfThePreviousVersionOpensAndKeepsItsKeys() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("newsticker"), "sa", "");
         Statement statement = connection.createStatement()) {
      for (String sql : resource("/upgrade/h2-schema-before-hashed-keys.sql").split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement story = connection.prepareStatement(
        "INSERT INTO stories (id, category, breaking, last_seq, removed, doc) VALUES (?, ?, FALSE, 1, FALSE, ?)")) {
        story.setString(1, quake.id());
        story.setString(2, quake.category());
        story.setString(3, quake.toJson().encode());
        story.executeUpdate();
      }
      for (String key : LEGACY_KEYS) {
        statement.execute("INSERT INTO story_keys (identity_key, story_id) VALUES ('" + key + "', 'a')");
      }
      try (PreparedStatement event = connection.prepareStatement(
        "INSERT INTO events (seq, story_id, type, at, payload) VALUES (1, 'a', 'story.new', CURRENT_TIMESTAMP, ?)")) {
        event.setString(1, created(quake).event().encode());
        event.executeUpdate();
      }
      statement.execute("SHUTDOWN");
    }

    assertStoriesRecognised(new JsonObject());
  }

  @Test
  void aPostgresStoreOfThePreviousVersionOpensAndKeepsItsKeys() {
    PgTestSupport.assumeReachable();
    PgTestSupport.TestSchema schema = PgTestSupport.freshSchema(vertx);
    try {
      PgStoryStore previous = new PgStoryStore(vertx, schema.url());
      await(previous.open());
      await(previous.append(List.of(created(quake, LEGACY_KEYS.toArray(String[]::new)))));
      await(previous.close());
      // as it was before the migration that hashes the keys
      PgTestSupport.sql(vertx, "DELETE FROM " + schema.name() + ".schema_migrations WHERE version = 2");

      assertStoriesRecognised(new JsonObject().put("pgUrl", schema.url()));
    } finally {
      if (server != null) {
        await(server.stop());
        server = null;
      }
      PgTestSupport.drop(vertx, schema);
    }
  }

  private void assertStoriesRecognised(JsonObject storeSettings) {
    server = TestServers.start(vertx, TestServers.settings(dataDir, storeSettings));
    try (Api api = new Api(vertx, server.port())) {
      JsonObject byHeadline = api.publishOne(new JsonObject().put("headline", "Quake hits coast!").put("source", "other"));
      assertEquals("a", byHeadline.getString("storyId"));
      JsonObject byId = api.publishOne(new JsonObject().put("id", "g-17").put("source", "wire")
        .put("headline", "Strong quake hits the coast, twelve dead"));
      assertEquals("a", byId.getString("storyId"));
      JsonObject longCategory = api.publishOne(new JsonObject().put("headline", "Dotted capitals everywhere")
        .put("category", "İ".repeat(60)));
      assertEquals("story.new", longCategory.getString("type"));
    }
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = StoreUpgradeTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
