package dev.newsticker.desk;

/**
 * Event-bus addresses of the desk and the shapes of their messages.
 * <ul>
 *   <li>{@link #INGEST}: request {@code {"items":[FeedItem json...]}}, reply {@code {"results":[PublishResult json...]}}.</li>
 *   <li>{@link #EVENTS}: published, not requested: every stored event, once, in seq order; body: the
 *   envelope as a JSON string. The desk owns it because the desk writes it; push consumes it.</li>
 *   <li>{@link #RETRACT}: request {@code {"id":"storyId"}}, reply a PublishResult json; fails with 404 for an unknown story.</li>
 *   <li>{@link #RESTORE}: request {@code {"id":"storyId","by":"editor"}}, reply as RETRACT (type story.new); 409 when
 *   the story is not retracted.</li>
 *   <li>{@link #EDIT}: request {@code {"id":"storyId","by":"editor","edit":StoryEdit json}}, reply as RETRACT.</li>
 *   <li>{@link #BREAKING}: request {@code {"id":"storyId","by":"editor","until":"ISO instant"}} (no until: end the
 *   flag), reply as RETRACT; fails with 409 when ending a flag that is not on.</li>
 *   <li>{@link #MERGE}: request {@code {"id":"absorbed","into":"survivor","by":"editor"}}, reply the survivor's result
 *   (type story.merged); 400 into itself, 404 either story unknown.</li>
 *   <li>{@link #SPLIT}: request {@code {"id":"storyId","revision":n}} or {@code {"id","source":"s"}} with "by", reply two
 *   results: the story (story.updated) and the new one (story.new); 400 for a revision or source it cannot split.</li>
 *   <li>{@link #APART}: request {@code {"id":"storyId","from":"otherId","by":"editor"}}, reply one result (unchanged).</li>
 *   <li>{@link #DOUBTS}: request {@code {"limit":n}}, reply {@code {"doubts":[...]}}; or {@code {"dismiss":"doubtId"}},
 *   reply {@code {}}, 404 when there is no such doubt.</li>
 * </ul>
 * Failures come back as {@link io.vertx.core.eventbus.ReplyException} with an HTTP-like code: 400 bad item,
 * 404 unknown story, 503 store unavailable.
 */
public final class DeskAddresses {
  public static final String INGEST = "news.desk.ingest";
  public static final String RETRACT = "news.desk.retract";
  public static final String RESTORE = "news.desk.restore";
  public static final String EDIT = "news.desk.edit";
  public static final String BREAKING = "news.desk.breaking";
  public static final String MERGE = "news.desk.merge";
  public static final String SPLIT = "news.desk.split";
  public static final String APART = "news.desk.apart";
  public static final String DOUBTS = "news.desk.doubts";
  public static final String EVENTS = "news.events";

  private DeskAddresses() {
  }
}
