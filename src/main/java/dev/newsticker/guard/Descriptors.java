package dev.newsticker.guard;

import com.sun.management.UnixOperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many connections the process can hold without accept failing for want of descriptors:
 * its limit, less those already open at start (jars, the store, logs) and
 * {@code limits.descriptorReserve} kept for what opens later (store files, database and cluster
 * connections, feed fetches).
 */
final class Descriptors {
  private static final Logger LOG = LoggerFactory.getLogger(Descriptors.class);

  private Descriptors() {
  }

  static long ceiling(GuardSettings settings) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof UnixOperatingSystemMXBean unix)) {
      LOG.info("the descriptor limit is not known on this system: connections are bounded by limits.connectionsTotal only");
      return Long.MAX_VALUE;
    }
    long limit = unix.getMaxFileDescriptorCount();
    long openNow = unix.getOpenFileDescriptorCount();
    long ceiling = Math.max(0, limit - openNow - settings.descriptorReserve());
    LOG.info("descriptor limit {} ({} open now, {} kept in reserve): past {} open connections a new one is closed at once",
      limit, openNow, settings.descriptorReserve(), ceiling);
    if (ceiling < settings.connectionsTotal()) {
      LOG.warn("the descriptor limit allows {} connections, fewer than limits.connectionsTotal ({}): raise it (ulimit -n)",
        ceiling, settings.connectionsTotal());
    }
    return ceiling;
  }
}
