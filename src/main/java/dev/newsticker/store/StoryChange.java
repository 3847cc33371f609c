package dev.newsticker.store;

import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;

import java.util.List;

/**
 * Everything one desk decision writes, in one transaction with the others of its batch.
 *
 * @param story     the story's state after the change
 * @param newKeys   identity keys that now lead to this story
 * @param revision  the new revision, or null when the headline history did not change
 * @param event     the event to append, or null for a quiet (history) load
 * @param eventJson the event encoded, once: the same text is stored and published
 * @param regroup   what an editor's merge, split or "keep apart" moves to this story; null for none
 */
public record StoryChange(Story story, List<String> newKeys, Revision revision, StoryEvent event, String eventJson,
                          Regroup regroup) {

  public StoryChange(Story story, List<String> newKeys, Revision revision, StoryEvent event) {
    this(story, newKeys, revision, event, null);
  }

  public StoryChange(Story story, List<String> newKeys, Revision revision, StoryEvent event, Regroup regroup) {
    this(story, newKeys, revision, event, event == null ? null : event.encode(), regroup);
  }
}
