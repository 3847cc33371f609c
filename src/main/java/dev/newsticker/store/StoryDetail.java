package dev.newsticker.store;

import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;

import java.util.List;

/**
 * A story with every headline it has had, oldest first; or, for a story merged into another, the
 * id of the story that absorbed it ({@code mergedInto}) and its state when it was absorbed (no revisions).
 */
public record StoryDetail(Story story, List<Revision> revisions, String mergedInto) {

  public StoryDetail(Story story, List<Revision> revisions) {
    this(story, revisions, null);
  }

  /** A story merged into {@code mergedInto}; {@code absorbed} is its last state, kept for an undo of the merge. */
  public static StoryDetail redirect(Story absorbed, String mergedInto) {
    return new StoryDetail(absorbed, List.of(), mergedInto);
  }
}
