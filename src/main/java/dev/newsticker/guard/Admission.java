package dev.newsticker.guard;

import dev.newsticker.http.VertxInternals;
import io.netty.channel.Channel;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.AttributeKey;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every connection of a node, counted from the moment it is accepted (across every event loop):
 * in total, per client address, and the readers' streams. A connection must send a complete
 * request head within {@code limits.requestHeadSeconds}; past the descriptor ceiling a new
 * connection takes the place of the oldest one still silent, or is closed at once when there is
 * none. What a request may then do is {@link ConnectionLimits}' decision.
 */
public final class Admission {
  private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
  private static final AttributeKey<Ticket> TICKET = AttributeKey.valueOf("newsticker.admission");
  private static final String GATE = "newsticker-accept-gate";
  private static final long WARN_EVERY_NANOS = 10_000_000_000L;
  private final int headSeconds;
  private final long ceiling;
  private final long headroom;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger readers = new AtomicInteger();
  private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
  /** Connections still waiting for their first request head, oldest first. */
  private final Set<Ticket> silent = new LinkedHashSet<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong evicted = new AtomicLong();
  private final AtomicLong headTimeouts = new AtomicLong();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
  private boolean warnedUnwatched;

  Admission(int headSeconds, long ceiling, long headroom) {
    this.headSeconds = headSeconds;
    this.ceiling = ceiling;
    this.headroom = headroom;
  }

  /** A quarter of the descriptors' reserve is room for evicted connections not yet closed. */
  static Admission create(GuardSettings settings) {
    return new Admission(settings.requestHeadSeconds(), Descriptors.ceiling(settings), Math.max(1, settings.descriptorReserve() / 4));
  }

  /**
   * Puts the accept gate in front of {@code server}'s listening channel (once: the HTTP verticles
   * of a node share it). Where the channel is out of reach, connections are counted from their
   * first bytes instead ({@link #opened}), and the server says so.
   */
  public synchronized void watch(HttpServer server) {
    Channel listening = VertxInternals.serverChannel(server);
    if (listening == null) {
      if (!warnedUnwatched) {
        warnedUnwatched = true;
        LOG.warn("the listening channel is out of reach: connections are counted from their first bytes, not from accept");
      }
      return;
    }
    if (listening.pipeline().get(GATE) == null) {
      listening.pipeline().addFirst(GATE, new AcceptGate(this));
    }
  }

  /** For {@code HttpServer.connectionHandler}: admits a connection the accept gate did not see. */
  public void opened(HttpConnection connection) {
    Channel channel = VertxInternals.channel(connection);
    if (channel != null && channel.attr(TICKET).get() == null) {
      admit(channel);
    }
  }

  /**
   * False: the process is at its descriptor ceiling and nothing can make room, close it. An
   * evicted connection holds its descriptor until its event loop has closed it: up to
   * {@code headroom} of those may be on their way out at once; beyond that, a new connection is
   * refused (while the oldest silent one is still evicted).
   */
  boolean accept(Channel channel) {
    int now = open.get();
    // at the ceiling the oldest silent connection goes in any case: the next arrival finds room sooner
    if (now >= ceiling && (!evictOldestSilent() || now - ceiling >= headroom)) {
      long count = refused.incrementAndGet();
      long last = lastWarning.get();
      if (System.nanoTime() - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, System.nanoTime())) {
        LOG.warn("at the descriptor ceiling of {} connections: new connections are closed at once ({} so far)",
          ceiling, count);
      }
      return false;
    }
    admit(channel);
    return true;
  }

  private void admit(Channel channel) {
    String address = address(channel.remoteAddress());
    Ticket ticket = new Ticket(channel, address, open.incrementAndGet(), byAddress.merge(address, 1, Integer::sum));
    channel.attr(TICKET).set(ticket);
    synchronized (silent) {
      silent.add(ticket);
    }
    channel.closeFuture().addListener(closed -> closed(ticket));
    channel.pipeline().addFirst(new HeadTimer(ticket, headSeconds, () -> timedOut(ticket)));
  }

  /** Its head did not come in time and it is being closed: no longer a candidate for eviction. */
  private void timedOut(Ticket ticket) {
    headTimeouts.incrementAndGet();
    synchronized (silent) {
      silent.remove(ticket);
    }
  }

  private boolean evictOldestSilent() {
    Ticket oldest;
    synchronized (silent) {
      Iterator<Ticket> tickets = silent.iterator();
      if (!tickets.hasNext()) {
        return false;
      }
      oldest = tickets.next();
      tickets.remove();
    }
    evicted.incrementAndGet();
    oldest.channel.close();
    return true;
  }

  private void closed(Ticket ticket) {
    ticket.stopHeadTimer();
    synchronized (silent) {
      silent.remove(ticket);
    }
    if (ticket.reader) {
      releaseReader();
    }
    open.decrementAndGet();
    byAddress.computeIfPresent(ticket.address, (a, count) -> count == 1 ? null : count - 1);
  }

  /** The connection's ticket, or null when it was never admitted (no channel to be had). */
  Ticket ticket(HttpConnection connection) {
    Channel channel = VertxInternals.channel(connection);
    return channel == null ? null : channel.attr(TICKET).get();
  }

  /** A complete request head came: the connection is no longer silent. */
  void headSeen(Ticket ticket) {
    if (ticket.markHeadSeen()) {
      synchronized (silent) {
        silent.remove(ticket);
      }
    }
  }

  /** Takes a reader's slot if fewer than {@code budget} are taken. */
  boolean takeReader(int budget) {
    while (true) {
      int now = readers.get();
      if (now >= budget) {
        return false;
      }
      if (readers.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void releaseReader() {
    readers.decrementAndGet();
  }

  /** On /metrics: connections open and readers' slots taken now, and connections closed by the admission, by why. */
  public void measure(MeterRegistry registry) {
    Gauge.builder("newsticker_connections_open", open, AtomicInteger::get)
      .description("HTTP connections open, counted from accept").register(registry);
    Gauge.builder("newsticker_reader_slots", readers, AtomicInteger::get)
      .description("readers' slots taken (SSE, WebSocket and SockJS streams)").register(registry);
    closedCounter(registry, "head_timeout", headTimeouts);
    closedCounter(registry, "evicted", evicted);
    closedCounter(registry, "descriptor_ceiling", refused);
  }

  private static void closedCounter(MeterRegistry registry, String reason, AtomicLong count) {
    FunctionCounter.builder("newsticker_connections_closed", count, AtomicLong::get)
      .description("connections closed by the admission: no request head in time, evicted for a newer one "
        + "at the descriptor ceiling, or refused there")
      .tag("reason", reason).register(registry);
  }

  private static String address(SocketAddress address) {
    return address instanceof InetSocketAddress inet && inet.getAddress() != null
      ? inet.getAddress().getHostAddress() : "unknown";
  }
}
