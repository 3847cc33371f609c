package dev.newsticker.desk;

import dev.newsticker.store.StoreUnavailableException;
import dev.newsticker.store.StoryChange;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The desk's requests, strictly one after another: a decision sees every decision before it. Each
 * decision runs on a worker, since the semantic stage may embed headlines; the queue keeps the
 * desk a single writer, in arrival order. A decision is made durable in the store and only then
 * published; a batch decided but not stored marks the book stale, and it is rebuilt from the
 * store before the next decision.
 */
final class DecisionQueue {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionQueue.class);
  private final Vertx vertx;
  private final StoryStore store;
  private final Supplier<Future<StoryBook>> reload;
  private final Consumer<StoryBook> decided;
  private final Consumer<List<StoryChange>> publish;
  private Future<?> queue = Future.succeededFuture();
  private StoryBook book;
  private boolean stale;

  /**
   * @param reload  builds the book anew from the store
   * @param decided told of the book after each decision
   * @param publish hands the stored changes' events on
   */
  DecisionQueue(Vertx vertx, StoryStore store, Supplier<Future<StoryBook>> reload, Consumer<StoryBook> decided,
                Consumer<List<StoryChange>> publish) {
    this.vertx = vertx;
    this.store = store;
    this.reload = reload;
    this.decided = decided;
    this.publish = publish;
  }

  /** Loads the book; the queue's first step. */
  Future<Void> start() {
    return reload.get().map(built -> {
      book = built;
      return null;
    });
  }

  /** Decides {@code decision} in its turn and answers {@code message} with the results. */
  void enqueue(Message<JsonObject> message, Supplier<StoryBook.Batch> decision) {
    then(() -> process(message, decision));
  }

  /**
   * Reads what {@code decision} needs from the store in its turn (after every decision before it
   * is stored), then decides and answers {@code message}.
   */
  <T> void enqueueAfter(Message<JsonObject> message, Supplier<Future<T>> read, Function<T, StoryBook.Batch> decision) {
    then(() -> read.get().compose(value -> process(message, () -> decision.apply(value)),
      failure -> {
        fail(message, failure);
        return Future.succeededFuture();
      }));
  }

  /** Runs {@code step} in its turn, after every request before it. */
  void then(Supplier<Future<?>> step) {
    queue = queue.eventually(step::get);
  }

  private Future<Void> process(Message<JsonObject> message, Supplier<StoryBook.Batch> decision) {
    return decideAndStore(decision)
      .onSuccess(message::reply)
      .onFailure(failure -> fail(message, failure))
      .<Void>mapEmpty()
      .otherwiseEmpty();
  }

  Future<JsonObject> decideAndStore(Supplier<StoryBook.Batch> decision) {
    Future<Void> ready = stale
      ? start().onSuccess(loaded -> stale = false).recover(DecisionQueue::storeFailed)
      : Future.succeededFuture();
    return ready
      .compose(loaded -> vertx.executeBlocking(() -> {
        book.begin();
        return decision.get();
      })
        // a decision that failed part way (the store would not answer a read) may have indexed some of its items
        .onFailure(failure -> stale = !(failure instanceof ReplyException))
        .onSuccess(batch -> decided.accept(book)))
      .compose(this::store);
  }

  private Future<JsonObject> store(StoryBook.Batch batch) {
    if (batch == null) {
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, "no such story"));
    }
    Future<Void> stored = batch.changes().isEmpty() ? Future.succeededFuture() : store.append(batch.changes());
    return stored
      .onFailure(failure -> stale = true)
      .recover(DecisionQueue::storeFailed)
      .map(done -> {
        publish.accept(batch.changes());
        JsonArray results = new JsonArray();
        batch.results().forEach(result -> results.add(result.toJson()));
        return new JsonObject().put("results", results);
      });
  }

  /**
   * Any failure of the store is the store's, whatever it says: a broken constraint (another desk
   * wrote the same seq) clears up after the reload like an outage does. The details go to the log.
   */
  private static <T> Future<T> storeFailed(Throwable failure) {
    return Future.failedFuture(failure instanceof StoreUnavailableException
      ? failure : new StoreUnavailableException("the store refused the batch", failure));
  }

  /** Clients get the reason in our words; the log gets the store's own. */
  private static void fail(Message<JsonObject> message, Throwable failure) {
    if (failure instanceof ReplyException reply) {
      message.fail(reply.failureCode(), reply.getMessage());
    } else if (failure instanceof StoreUnavailableException) {
      LOG.warn("Desk could not store a request: {}", failure.getMessage(), failure.getCause());
      message.fail(503, StoreUnavailableException.REASON);
    } else {
      LOG.error("Desk failed on a request", failure);
      message.fail(500, "the desk failed on this request");
    }
  }
}
