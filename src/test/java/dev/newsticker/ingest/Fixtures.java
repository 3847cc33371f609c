package dev.newsticker.ingest;

import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fixture feeds from src/test/resources/feeds. */
final class Fixtures {

  private Fixtures() {
  }

  /** The corpus's cases from feeds/corpus/expected.tsv: file, Content-Type ("-" for none), expected reading. */
  static List<String[]> corpus() {
    return feed("corpus/expected.tsv").toString(StandardCharsets.UTF_8).lines()
      .filter(line -> !line.startsWith("#") && !line.isBlank())
      .map(line -> line.split("\t", 3))
      .toList();
  }

  static Buffer feed(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
