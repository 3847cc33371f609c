package dev.newsticker.model;

/** The kinds of event on the stream, as named in the public contract. */
public final class EventType {
  public static final String NEW = "story.new";
  public static final String UPDATED = "story.updated";
  public static final String UNCHANGED = "story.unchanged";
  public static final String REMOVED = "story.removed";
  /** A story absorbed another ({@code merged}): readers drop the absorbed one's line. */
  public static final String MERGED = "story.merged";
  public static final String SNAPSHOT = "snapshot";
  public static final String RESYNC = "resync";

  private EventType() {
  }
}
