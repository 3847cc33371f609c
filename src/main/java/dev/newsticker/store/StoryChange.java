package dev.newsticker.store;

import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;

import java.util.List;

/**
 * Everything one desk decision writes, in one transaction with the others of its batch.
 *
 * @param story    the story's state after the change
 * @param newKeys  identity keys that now lead to this story
 * @param revision the new revision, or null when the headline history did not change
 * @param event    the event to append, or null for a quiet (history) load
 */
public record StoryChange(Story story, List<String> newKeys, Revision revision, StoryEvent event) {
}
