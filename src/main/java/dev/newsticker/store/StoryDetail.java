package dev.newsticker.store;

import dev.newsticker.desk.Revision;
import dev.newsticker.desk.Story;

import java.util.List;

/** A story with every headline it has had, oldest first. */
public record StoryDetail(Story story, List<Revision> revisions) {
}
