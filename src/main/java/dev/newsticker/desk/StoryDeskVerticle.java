package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.store.StoryChange;
import dev.newsticker.store.StoryDetail;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The single writer. Takes items and editors' actions from the bus one request at a time
 * ({@link DecisionQueue}), decides what each is with its {@link StoryBook}, makes the decision
 * durable in the store and only then publishes the events, in seq order, for every node's
 * readers. It loads only its window from the
 * store: the stories updated within {@link MatcherSettings#windowHours}, at most
 * {@link MatcherSettings#maxStories}, and those whose breaking flag has an end.
 */
public class StoryDeskVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StoryDeskVerticle.class);

  private final StoryStore store;
  private final MatcherSettings matching;
  private final IntConsumer held;
  private final Supplier<StoryMatcher> matchers;
  private final Clock clock;
  private final Categorizer categorizer;
  private final Duration breakingFor;
  private final Doubts doubts;
  private BreakingTimers breakingTimers;
  private StoryBook book;
  private EditorActions editors;
  private MergeSplit regroups;
  private DecisionQueue decisions;

  /**
   * @param matching    the window and the most stories the desk holds
   * @param breakingFor how long a breaking flag lasts when nobody says ({@code desk.breakingMinutes})
   * @param held        told how many stories the desk holds, after each request
   */
  public StoryDeskVerticle(StoryStore store, MatcherSettings matching, Supplier<StoryMatcher> matchers, Clock clock,
                           Duration breakingFor, DoubtSettings doubts, IntConsumer held) {
    this.doubts = new Doubts(doubts);
    this.store = store;
    this.matching = matching;
    this.held = held;
    this.matchers = matchers;
    this.clock = clock;
    this.breakingFor = breakingFor;
    this.categorizer = Categorizer.fromClasspath();
  }

  @Override
  public Future<?> start() {
    breakingTimers = new BreakingTimers(vertx, clock, this::endBreaking);
    decisions = new DecisionQueue(vertx, store, this::loadBook, built -> held.accept(built.held()), this::publish);
    return decisions.start().compose(loaded -> {
      MessageConsumer<JsonObject> ingest = vertx.eventBus().consumer(DeskAddresses.INGEST, this::ingest);
      MessageConsumer<JsonObject> retract = vertx.eventBus().consumer(DeskAddresses.RETRACT, this::retract);
      MessageConsumer<JsonObject> edit = vertx.eventBus().consumer(DeskAddresses.EDIT, this::edit);
      MessageConsumer<JsonObject> breaking = vertx.eventBus().consumer(DeskAddresses.BREAKING, this::breaking);
      return Future.all(List.of(ingest.completion(), retract.completion(), edit.completion(), breaking.completion(),
        vertx.eventBus().consumer(DeskAddresses.MERGE, this::merge).completion(),
        vertx.eventBus().consumer(DeskAddresses.SPLIT, this::split).completion(),
        vertx.eventBus().consumer(DeskAddresses.RESTORE, this::restore).completion(),
        vertx.eventBus().consumer(DeskAddresses.APART, this::apart).completion(),
        vertx.eventBus().consumer(DeskAddresses.DOUBTS, this::doubts).completion()));
    });
  }

  private Future<StoryBook> loadBook() {
    long started = System.nanoTime();
    // indexing 100,000 stories takes about half a second: not on the event loop
    Instant since = clock.instant().minus(matching.window());
    return store.loadDeskState(since, matching.maxStories()).compose(state -> vertx.executeBlocking(() ->
      new StoryBook(state, StoryLookup.of(store), matchers.get(), ChangeClassifier::classify, categorizer,
        breakingFor)).map(built -> {
      book = built;
      held.accept(built.held());
      editors = new EditorActions(built, breakingFor);
      regroups = new MergeSplit(built);
      built.doubts(doubts);
      breakingTimers.cancelAll();
      // a flag that ran out while no desk was running ends at once
      state.breakingWithEnd().forEach(breakingTimers::schedule);
      LOG.info("Desk ready: {} stories in its window, last seq {}, loaded in {} ms", built.held(), state.topSeq(),
        (System.nanoTime() - started) / 1_000_000);
      return built;
    }));
  }

  private void ingest(Message<JsonObject> message) {
    List<FeedItem> items;
    try {
      items = message.body().getJsonArray("items").stream()
        .map(item -> FeedItem.fromJson((JsonObject) item))
        .toList();
    } catch (RuntimeException e) {
      message.fail(400, "bad desk request: the items do not parse");
      return;
    }
    // checked before deciding: an item the store would refuse must not cost the book a reload
    Optional<StorableItems.Problem> problem = StorableItems.check(items);
    if (problem.isPresent()) {
      message.fail(400, problem.get().message());
      return;
    }
    decisions.enqueue(message, () -> book.decide(items, now()));
  }

  private void retract(Message<JsonObject> message) {
    String id = message.body().getString("id");
    decisions.enqueue(message, () -> resolving(editors.retract(id, now()), id));
  }

  private void merge(Message<JsonObject> message) {
    String id = message.body().getString("id");
    String into = message.body().getString("into");
    decisions.enqueue(message, () -> resolving(regroups.merge(id, into, message.body().getString("by"), now()), id, into));
  }

  /**
   * A split needs the story's revisions (and an undone merge the absorbed story as it was), read from
   * the store in its turn: after every decision before it is stored.
   */
  private void split(Message<JsonObject> message) {
    JsonObject body = message.body();
    String id = body.getString("id");
    String merged = body.getString("merged");
    decisions.enqueueAfter(message, () -> Future.all(store.story(id),
        merged == null ? Future.succeededFuture(Optional.empty()) : store.story(merged)),
      both -> {
        StoryDetail detail = both.<Optional<StoryDetail>>resultAt(0).orElse(null);
        StoryDetail absorbed = both.<Optional<StoryDetail>>resultAt(1).orElse(null);
        return merged == null
          ? resolving(regroups.split(detail, body.getInteger("revision"), body.getString("source"), body.getString("by"),
            now()), id)
          : resolving(regroups.unmerge(detail, merged, absorbed, body.getString("by"), now()), id, merged);
      });
  }

  /** A retracted story is not in the book: it is read from the store in its turn, as for a split. */
  private void restore(Message<JsonObject> message) {
    String id = message.body().getString("id");
    String by = message.body().getString("by");
    decisions.enqueueAfter(message, () -> store.story(id),
      detail -> resolving(editors.restore(detail.orElse(null), by, now()), id));
  }

  private void apart(Message<JsonObject> message) {
    String id = message.body().getString("id");
    String from = message.body().getString("from");
    decisions.enqueue(message, () -> resolving(regroups.apart(id, from), id, from));
  }

  /** {@code {"limit": n}} lists the doubts; {@code {"dismiss": id}} drops one (404 when there is none). */
  private void doubts(Message<JsonObject> message) {
    String dismiss = message.body().getString("dismiss");
    if (dismiss == null) {
      message.reply(doubts.newest(message.body().getInteger("limit", 50)));
    } else if (doubts.dismiss(dismiss)) {
      message.reply(new JsonObject());
    } else {
      message.fail(404, "no doubt with id " + dismiss);
    }
  }

  /** An editor's action on these stories settles the desk's doubts about them. */
  private StoryBook.Batch resolving(Optional<StoryBook.Batch> batch, String... storyIds) {
    batch.ifPresent(done -> doubts.resolved(List.of(storyIds)));
    return batch.orElse(null);
  }

  /** Both stores keep microseconds; a finer time would read back differently from the live event. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private void edit(Message<JsonObject> message) {
    String id = message.body().getString("id");
    String by = message.body().getString("by");
    StoryEdit edit;
    try {
      edit = StoryEdit.fromJson(message.body().getJsonObject("edit"));
    } catch (RuntimeException e) {
      message.fail(400, "bad desk request: the edit does not parse");
      return;
    }
    // as for items: an edit the store would refuse must not cost the book a reload
    Optional<StorableItems.Problem> problem = StorableItems.check(edit);
    if (problem.isPresent()) {
      message.fail(400, "'" + problem.get().field() + "' " + problem.get().reason());
      return;
    }
    decisions.enqueue(message, () -> editors.edit(id, edit, by, now()).orElse(null));
  }

  private void breaking(Message<JsonObject> message) {
    String id = message.body().getString("id");
    String by = message.body().getString("by");
    Instant until;
    try {
      Instant asked = message.body().getInstant("until");
      until = asked == null ? null : asked.truncatedTo(ChronoUnit.MICROS);
    } catch (RuntimeException e) {
      message.fail(400, "bad desk request: 'until' is not a time");
      return;
    }
    decisions.enqueue(message, () -> editors.breaking(id, until, by, now()).orElse(null));
  }

  /** The flag's end is a decision like any other: it waits its turn in the queue. */
  private void endBreaking(String storyId, Instant until) {
    decisions.then(() -> decisions.decideAndStore(() -> editors.expire(storyId, until, now()))
      .onFailure(failure -> LOG.warn("Desk could not end the breaking flag of {}: {}", storyId, failure.getMessage())));
  }

  private void publish(List<StoryChange> changes) {
    for (StoryChange change : changes) {
      if (change.event() != null) {
        vertx.eventBus().publish(DeskAddresses.EVENTS, change.eventJson());
      }
      if (change.story().breakingUntil() != null || breakingTimers.has(change.story().id())) {
        breakingTimers.schedule(change.story());
      }
    }
  }
}
