package dev.newsticker.store;

import java.util.List;
import java.util.Map;

/**
 * What an editor's merge, split or "keep apart" moves between stories, written with the change of
 * the story that receives it, after its row and before its revision.
 *
 * @param from        the story revisions move from; null when nothing moves
 * @param revisions   a split: each moved revision's number in {@code from} and its number here
 * @param merge       a merge: every revision of {@code from} moves here numbered {@code offset} higher, every
 *                    identity key of {@code from} leads here, and {@code from} answers with this story
 * @param offset      a merge: how much higher the absorbed story's revisions are numbered here
 * @param dropSources a split: the sources that leave {@code from}
 * @param apartFrom   a story the desk never merges with this one, or null
 */
public record Regroup(String from, Map<Integer, Integer> revisions, boolean merge, int offset,
                      List<String> dropSources, String apartFrom) {

  public static Regroup merge(String absorbed, int offset) {
    return new Regroup(absorbed, Map.of(), true, offset, List.of(), null);
  }

  public static Regroup split(String from, Map<Integer, Integer> revisions, List<String> dropSources) {
    return new Regroup(from, revisions, false, 0, dropSources, from);
  }

  public static Regroup apart(String other) {
    return new Regroup(null, Map.of(), false, 0, List.of(), other);
  }
}
