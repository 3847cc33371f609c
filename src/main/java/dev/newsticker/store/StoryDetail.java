package dev.newsticker.store;

import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;

import java.util.List;

/** A story with every headline it has had, oldest first. */
public record StoryDetail(Story story, List<Revision> revisions) {
}
