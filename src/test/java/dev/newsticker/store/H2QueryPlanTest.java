package dev.newsticker.store;

import dev.newsticker.model.StoryFilter;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newest stories (every snapshot, every page of GET /stories) are read by walking the index
 * newest first; ordered by last_seq alone, H2 read and sorted every live story each time.
 */
class H2QueryPlanTest {

  @Test
  void theNewestStoriesAreReadInIndexOrderForEveryFilter() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:plan;DB_CLOSE_DELAY=0")) {
      connection.createStatement().execute("RUNSCRIPT FROM 'classpath:db/h2/schema.sql'");
      for (StoryFilter filter : List.of(StoryFilter.ALL, new StoryFilter("sport", null, null),
          new StoryFilter(null, "wire", true))) {
        for (Long before : new Long[] {null, 500L}) {
          List<Object> params = new ArrayList<>();
          String sql = H2Reads.newestQuery(filter, before, params);
          params.add(20);
          try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
              explain.setObject(i + 1, params.get(i));
            }
            try (ResultSet plan = explain.executeQuery()) {
              plan.next();
              assertTrue(plan.getString(1).contains("index sorted"), plan.getString(1));
            }
          }
        }
      }
    }
  }
}
