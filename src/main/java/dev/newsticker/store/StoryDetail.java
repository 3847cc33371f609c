package dev.newsticker.store;

import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;

import java.util.List;

/**
 * A story with every headline it has had, oldest first; or, for a story merged into another, only
 * the id of the story that absorbed it ({@code mergedInto}, story null).
 */
public record StoryDetail(Story story, List<Revision> revisions, String mergedInto) {

  public StoryDetail(Story story, List<Revision> revisions) {
    this(story, revisions, null);
  }

  public static StoryDetail redirect(String mergedInto) {
    return new StoryDetail(null, List.of(), mergedInto);
  }
}
