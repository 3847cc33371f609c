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
 * @param restored    an undone merge: this story answers under its own id again (its redirect goes)
 */
public record Regroup(String from, Map<Integer, Integer> revisions, boolean merge, int offset,
                      List<String> dropSources, String apartFrom, boolean restored) {

  public static Regroup merge(String absorbed, int offset) {
    return new Regroup(absorbed, Map.of(), true, offset, List.of(), null, false);
  }

  public static Regroup split(String from, Map<Integer, Integer> revisions, List<String> dropSources) {
    return new Regroup(from, revisions, false, 0, dropSources, from, false);
  }

  /** A merge undone: the absorbed story takes back its revisions from {@code survivor}, under its own id. */
  public static Regroup unmerge(String survivor, Map<Integer, Integer> revisions, List<String> dropSources) {
    return new Regroup(survivor, revisions, false, 0, dropSources, null, true);
  }

  /** Revisions renumbered within one story ({@code storyId} is also {@code from}). */
  public static Regroup renumber(String storyId, Map<Integer, Integer> revisions) {
    return new Regroup(storyId, revisions, false, 0, List.of(), null, false);
  }

  public static Regroup apart(String other) {
    return new Regroup(null, Map.of(), false, 0, List.of(), other, false);
  }
}
