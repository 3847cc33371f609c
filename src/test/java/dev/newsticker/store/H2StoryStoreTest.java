package dev.newsticker.store;

import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The store contract against the embedded H2 store, each test in a fresh data directory. */
class H2StoryStoreTest extends StoryStoreContractTest {

  private Path dataDir;

  @Override
  protected void createDatabase(Vertx vertx) throws Exception {
    dataDir = Files.createTempDirectory("newsticker-h2-");
  }

  @Override
  protected StoryStore newStore(Vertx vertx) {
    return new H2StoryStore(vertx, dataDir);
  }

  @Override
  protected void dropDatabase(Vertx vertx) throws Exception {
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
