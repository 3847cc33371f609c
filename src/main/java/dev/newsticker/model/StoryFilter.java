package dev.newsticker.model;


/** What a reader asked to see; a null field matches everything. */
public record StoryFilter(String category, String source, Boolean breaking) {

  public static final StoryFilter ALL = new StoryFilter(null, null, null);

  public boolean matches(Story story) {
    return (category == null || category.equalsIgnoreCase(story.category()))
      && (source == null || story.hasSource(source))
      && (breaking == null || breaking == story.breaking());
  }
}
