package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.Story;

import java.util.Optional;

/**
 * Finds the known story that an item revises when its identity keys do not lead to one: a
 * re-sent headline reworded, or the same story from another source. The desk calls it on its
 * own thread only, so implementations need no locking.
 */
public interface StoryMatcher {

  /** The id of the story this item is a revision of, if any. */
  Optional<String> match(FeedItem item);

  /** Indexes a story's current state; called for every new or changed story, and at start-up. */
  void index(Story story);

  /** Forgets a story: it was removed. */
  void remove(String storyId);

  /** How many stories it holds. */
  int size();

  /**
   * How close the last {@link #match} came: the story it chose, or else the closest one it judged,
   * with the score and the threshold that applied to it. Empty when it judged none.
   */
  default Optional<Closeness> closest() {
    return Optional.empty();
  }

  /** A story judged for an item: its score, and the least score that makes it a match. */
  record Closeness(String storyId, double score, double threshold) {

    boolean matched() {
      return score >= threshold;
    }
  }

  /** A matcher that never matches: identity keys alone decide. */
  StoryMatcher NONE = new StoryMatcher() {
    @Override
    public Optional<String> match(FeedItem item) {
      return Optional.empty();
    }

    @Override
    public void index(Story story) {
    }

    @Override
    public void remove(String storyId) {
    }

    @Override
    public int size() {
      return 0;
    }
  };
}
