package dev.newsticker.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A real SSE reader over Vert.x's HTTP client: parses frames as they stream in, keeps every event. */
public final class SseReader implements AutoCloseable {
  private final List<SseEvent> events = new CopyOnWriteArrayList<>();
  private final StringBuilder pending = new StringBuilder();
  private final HttpClient client;
  private volatile HttpClientResponse response;
  private volatile boolean ended;
  private volatile int comments;
  private final List<String> retries = new CopyOnWriteArrayList<>();
  private volatile int retry;

  private SseReader(HttpClient client) {
    this.client = client;
  }

  public static SseReader open(Vertx vertx, int port, String pathAndQuery) {
    return open(vertx, port, pathAndQuery, Map.of());
  }

  /** Connects and waits for the response head; frames are collected from the first byte on. */
  public static SseReader open(Vertx vertx, int port, String pathAndQuery, Map<String, String> headers) {
    HttpClient client = vertx.createHttpClient();
    SseReader reader = new SseReader(client);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
      .setURI(pathAndQuery).putHeader("Accept", "text/event-stream");
    headers.forEach(options::putHeader);
    // the handlers go on in the response's own callback, on its event loop: a later callback may
    // come after the first chunk (a replay sent with the response head), and that chunk is lost
    // (eclipse-vertx/vert.x#5904)
    HttpClientResponse response = Await.result(client.request(options)
      .compose(request -> request.send().andThen(sent -> {
        HttpClientResponse received = sent.result();
        if (received != null && received.statusCode() == 200) {
          received.handler(reader::onData);
          received.endHandler(v -> reader.ended = true);
          received.exceptionHandler(e -> reader.ended = true);
        }
      }))
      .compose(received -> received.statusCode() == 200 ? Future.succeededFuture(received)
        : received.body().compose(body -> Future.failedFuture("stream answered " + received.statusCode() + ": " + body))));
    reader.response = response;
    return reader;
  }

  private synchronized void onData(Buffer data) {
    pending.append(data.toString());
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String frame = pending.substring(0, end);
      pending.delete(0, end + 2);
      parse(frame);
    }
  }

  private void parse(String frame) {
    String id = null;
    String event = "message";
    StringBuilder data = new StringBuilder();
    boolean any = false;
    for (String line : frame.split("\n")) {
      if (line.startsWith(":")) {
        comments++;
      } else if (line.startsWith("retry: ")) {
        retry = Integer.parseInt(line.substring(7));
        retries.add(frame);
      } else if (line.startsWith("id: ")) {
        id = line.substring(4);
      } else if (line.startsWith("event: ")) {
        event = line.substring(7);
        any = true;
      } else if (line.startsWith("data: ")) {
        data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
        any = true;
      }
    }
    if (any) {
      events.add(new SseEvent(id, event, data.toString()));
    }
  }

  public List<SseEvent> events() {
    return new ArrayList<>(events);
  }

  /** Events other than the snapshot, in arrival order. */
  public List<SseEvent> storyEvents() {
    return events.stream().filter(e -> e.event().startsWith("story.")).toList();
  }

  public List<SseEvent> awaitEvents(String what, Predicate<List<SseEvent>> done) {
    Await.until(what, () -> done.test(events()));
    return events();
  }

  public SseEvent awaitEvent(String type) {
    Await.until("an SSE event " + type, () -> events.stream().anyMatch(e -> e.event().equals(type)));
    return events.stream().filter(e -> e.event().equals(type)).findFirst().orElseThrow();
  }

  public int retry() {
    return retry;
  }

  /** Every frame that carried a {@code retry:} line, whole (with its comments), in order. */
  public List<String> retryFrames() {
    return List.copyOf(retries);
  }

  public int comments() {
    return comments;
  }

  public boolean ended() {
    return ended;
  }

  public String header(String name) {
    return response.getHeader(name);
  }

  @Override
  public void close() {
    Await.result(client.close());
  }
}
