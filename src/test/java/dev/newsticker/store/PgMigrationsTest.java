package dev.newsticker.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.newsticker.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class PgMigrationsTest {

  private Vertx vertx;
  private PgTestSupport.TestSchema schema;

  @BeforeAll
  static void requirePostgres() {
    PgTestSupport.assumeReachable();
  }

  @BeforeEach
  void createSchema(Vertx vertx) {
    this.vertx = vertx;
    schema = PgTestSupport.freshSchema(vertx);
  }

  @AfterEach
  void dropSchema() {
    PgTestSupport.drop(vertx, schema);
  }

  @Test
  void nodesStartingAtOnceMigrateOnce() {
    List<PgStoryStore> nodes = IntStream.range(0, 4).mapToObj(i -> new PgStoryStore(vertx, schema.url())).toList();

    await(Future.all(nodes.stream().map(PgStoryStore::open).toList()));

    assertEquals(String.valueOf(PgMigrations.SCRIPTS.size()), scalar("SELECT count(*) FROM " + schema.name() + ".schema_migrations"));
    for (PgStoryStore node : nodes) {
      assertTrue(await(node.ready()));
      assertEquals(0, await(StoryFixtures.deskState(node)).topSeq());
    }
    await(Future.all(nodes.stream().map(PgStoryStore::close).toList()));
  }

  @Test
  void reopeningAppliesNothing() {
    PgStoryStore first = new PgStoryStore(vertx, schema.url());
    await(first.open());
    await(first.close());
    String appliedAt = scalar("SELECT max(applied_at) FROM " + schema.name() + ".schema_migrations");

    PgStoryStore second = new PgStoryStore(vertx, schema.url());
    await(second.open());
    await(second.close());

    assertEquals(appliedAt, scalar("SELECT max(applied_at) FROM " + schema.name() + ".schema_migrations"));
  }

  @Test
  void anAppliedScriptThatChangedStopsTheStart() {
    PgStoryStore first = new PgStoryStore(vertx, schema.url());
    await(first.open());
    await(first.close());
    PgTestSupport.sql(vertx, "UPDATE " + schema.name() + ".schema_migrations SET checksum = 'edited' WHERE version = 1");

    PgStoryStore second = new PgStoryStore(vertx, schema.url());
    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> await(second.open()));
    assertTrue(failure.getMessage().contains("V1"), failure.getMessage());
    await(second.close());
  }

  @Test
  void everyScriptOnTheClasspathIsListed() throws IOException, URISyntaxException {
    Path folder = Path.of(getClass().getClassLoader().getResource("db/pg").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(files.map(file -> file.getFileName().toString()).sorted().toList(),
        PgMigrations.SCRIPTS.stream().sorted().toList());
    }
  }

  private String scalar(String query) {
    return String.valueOf(PgTestSupport.sql(vertx, query).iterator().next().getValue(0));
  }
}
