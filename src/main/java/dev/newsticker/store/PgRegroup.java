package dev.newsticker.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the PostgreSQL store writes a merge, split or "keep apart" ({@link Regroup}). The sources
 * need nothing here: each story's are rewritten from its state with the batch.
 */
final class PgRegroup {

  private PgRegroup() {
  }

  static List<Future<?>> writes(SqlConnection conn, String storyId, Regroup regroup) {
    List<Future<?>> writes = new ArrayList<>();
    if (regroup.merge()) {
      Tuple pair = Tuple.of(storyId, regroup.from());
      writes.add(PgStoryStore.batch(conn, PgSql.MERGE_REVISIONS, List.of(Tuple.of(storyId, regroup.from(), regroup.offset()))));
      writes.add(PgStoryStore.batch(conn, PgSql.MERGE_KEYS, List.of(pair)));
      writes.add(PgStoryStore.batch(conn, PgSql.MERGE_REDIRECTS, List.of(pair)));
      writes.add(PgStoryStore.batch(conn, PgSql.INSERT_REDIRECT, List.of(pair)));
    }
    if (regroup.restored()) {
      writes.add(PgStoryStore.batch(conn, PgSql.DELETE_REDIRECT, List.of(Tuple.of(storyId))));
    }
    List<Tuple> moved = new ArrayList<>();
    for (Map.Entry<Integer, Integer> revision : regroup.revisions().entrySet()) {
      moved.add(Tuple.of(storyId, regroup.from(), revision.getValue(), revision.getKey()));
    }
    writes.add(PgStoryStore.batch(conn, PgSql.MOVE_REVISION, moved));
    if (regroup.apartFrom() != null) {
      StoryPair pair = StoryPair.of(storyId, regroup.apartFrom());
      writes.add(PgStoryStore.batch(conn, PgSql.INSERT_APART, List.of(Tuple.of(pair.first(), pair.second()))));
    }
    return writes;
  }

  static StoryPair pair(Row row) {
    return new StoryPair(row.getString("first_id"), row.getString("second_id"));
  }
}
