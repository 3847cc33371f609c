package dev.newsticker.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * At most one fetch at a time per host: later ones queue behind it. Confined to one event loop. Fetches
 * are bounded by the total timeout, so a queue always moves.
 */
final class HostGate {
  private final Map<String, Deque<Runnable>> queues = new HashMap<>();

  <T> Future<T> run(String host, Supplier<Future<T>> task) {
    Promise<T> promise = Promise.promise();
    Runnable start = () -> {
      Future<T> future;
      try {
        future = task.get();
      } catch (RuntimeException e) {
        future = Future.failedFuture(e);
      }
      future.onComplete(ar -> {
        next(host);
        promise.handle(ar);
      });
    };
    Deque<Runnable> queue = queues.get(host);
    if (queue == null) {
      queues.put(host, new ArrayDeque<>());
      start.run();
    } else {
      queue.addLast(start);
    }
    return promise.future();
  }

  private void next(String host) {
    Deque<Runnable> queue = queues.get(host);
    Runnable waiting = queue == null ? null : queue.pollFirst();
    if (waiting == null) {
      queues.remove(host);
    } else {
      waiting.run();
    }
  }
}
