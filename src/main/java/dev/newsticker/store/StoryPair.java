package dev.newsticker.store;

/** Two stories an editor told apart: the desk never merges them. The smaller id comes first. */
public record StoryPair(String first, String second) {

  public static StoryPair of(String one, String other) {
    return one.compareTo(other) <= 0 ? new StoryPair(one, other) : new StoryPair(other, one);
  }
}
