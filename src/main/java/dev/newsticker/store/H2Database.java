package dev.newsticker.store;

import org.h2.jdbcx.JdbcConnectionPool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded store's database file: how H2 is opened, and its schema. */
final class H2Database {
  private static final int INPLACE_LOB_BYTES = 16 * 1024;
  private static final int QUERY_CACHE_SIZE = 64;
  private static final int MAX_CONNECTIONS = 8;

  private H2Database() {
  }

  /**
   * Opens (or creates) the database under {@code dataDir} and applies the schema, upgrading a store of an earlier version. Blocking.
   * <ul>
   *   <li>DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database under a
   *   graceful stop still finishing its publishes; the store closes it when the server is done.</li>
   *   <li>MAX_LENGTH_INPLACE_LOB: story documents and event payloads (about 1 KB) stay in their
   *   rows; past H2's default of 256 bytes each would go to the LOB maps, several more pages
   *   rewritten on every commit.</li>
   *   <li>QUERY_CACHE_SIZE: an append alone runs six statements; with reads and retention a
   *   session uses more than H2's default of 8 and parsed them again.</li>
   * </ul>
   */
  static JdbcConnectionPool open(Path dataDir) throws IOException, SQLException {
    Files.createDirectories(dataDir);
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("newsticker")
      + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE
      + ";MAX_LENGTH_INPLACE_LOB=" + INPLACE_LOB_BYTES;
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(MAX_CONNECTIONS);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : schema().split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      H2Upgrade.apply(connection);
    } catch (SQLException e) {
      pool.dispose();
      throw e;
    }
    return pool;
  }

  private static String schema() throws IOException {
    try (InputStream in = H2Database.class.getResourceAsStream("/db/h2/schema.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
