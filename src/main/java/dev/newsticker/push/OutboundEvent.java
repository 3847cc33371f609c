package dev.newsticker.push;

import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * An event ready to send: parsed once for filtering, encoded once per transport as the bytes that
 * go on the wire, and those bytes written to every reader that wants it.
 *
 * @param story          the story as the event shows it (for filters and conflation)
 * @param before         the story as filters saw it before the event, when that may differ ({@link StoryEvent#before})
 * @param webSocketFrame the envelope as a WebSocket text frame ({@link DirectWire})
 * @param sseChunk       the complete SSE frame (id, event and data lines) as one HTTP/1.1 chunk
 */
public record OutboundEvent(long seq, String type, java.time.Instant at, Story story, Story before,
                            ByteBuf webSocketFrame, ByteBuf sseChunk) {

  public static OutboundEvent fromJson(String json) {
    return of(StoryEvent.decode(json), json);
  }

  public static OutboundEvent of(StoryEvent event) {
    return of(event, event.encode());
  }

  private static OutboundEvent of(StoryEvent event, String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] sse = sseFrameBytes(event.type(), event.seq(), json);
    return new OutboundEvent(event.seq(), event.type(), event.at(), event.story(), event.before(),
      WireFrames.webSocketText(text), WireFrames.chunk(sse));
  }

  /** An SSE frame; {@code seq} below zero leaves out the id line (the reader's cursor does not move). */
  static byte[] sseFrameBytes(String type, long seq, String json) {
    StringBuilder frame = new StringBuilder(json.length() + 48);
    if (seq >= 0) {
      frame.append("id: ").append(seq).append('\n');
    }
    frame.append("event: ").append(type).append('\n').append("data: ").append(json).append("\n\n");
    return frame.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a reader with {@code filter} gets it: its story matches now, or matched before (the reader shows it). */
  public boolean concerns(StoryFilter filter) {
    return filter.matches(story) || before != null && filter.matches(before);
  }

  public String storyId() {
    return story.id();
  }

  public int size() {
    return sseChunk.readableBytes();
  }

  /**
   * About what holding the event costs: both encodings off the heap, and the story on it (its
   * text as in the envelope, twice that where a string is not Latin-1: counted at the worst).
   */
  public long retainedBytes() {
    return webSocketFrame.capacity() + sseChunk.capacity() + 2L * webSocketFrame.readableBytes();
  }
}
