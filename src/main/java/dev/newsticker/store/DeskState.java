package dev.newsticker.store;

import dev.newsticker.model.Story;

import java.util.List;
import java.util.Map;

/** What the desk needs to resume after a restart: the live stories, their keys, the last seq and the pairs kept apart. */
public record DeskState(long topSeq, List<Story> stories, Map<String, String> keys, List<StoryPair> apart) {

  public DeskState(long topSeq, List<Story> stories, Map<String, String> keys) {
    this(topSeq, stories, keys, List.of());
  }
}
