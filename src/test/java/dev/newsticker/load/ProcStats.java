package dev.newsticker.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A server's CPU time and resident memory from /proc, summed over its processes. The kernel's
 * share (stime) is kept apart: on loopback it holds each write's whole TCP path, the reader's
 * side included, which no server code can make cheaper.
 */
record ProcStats(double cpuSeconds, double kernelSeconds, long rssKb) {
  /** USER_HZ: the unit of utime/stime in /proc/pid/stat on Linux. */
  private static final double TICKS_PER_SECOND = 100.0;

  static ProcStats read(List<Integer> pids) {
    double cpu = 0;
    double kernel = 0;
    long rss = 0;
    for (int pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        cpu += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        kernel += Long.parseLong(fields[12]) / TICKS_PER_SECOND;
        rss += Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst().orElse(0);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read /proc for pid " + pid + ": " + e.getMessage(), e);
      }
    }
    return new ProcStats(cpu, kernel, rss);
  }

  ProcStats minus(ProcStats before) {
    return new ProcStats(cpuSeconds - before.cpuSeconds, kernelSeconds - before.kernelSeconds, rssKb - before.rssKb);
  }
}
