package dev.newsticker.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load tool's arguments, {@code --name value} pairs.
 *
 * @param target      newsticker or nchan: picks the default paths
 * @param transport   ws or sse
 * @param readers     readers to open
 * @param rate        headlines published per second
 * @param seconds     how long to publish (headlines = rate x seconds)
 * @param warmUpSeconds how long to publish first, at the same rate, before the measured window
 *                    (the tool's own JIT compiles its receive path then); counted in delivered,
 *                    lost, duplicated and out of order, not in latency or CPU
 * @param rampPerSecond readers opened per second
 * @param pids        the server's process ids (summed), for CPU and RSS from /proc
 * @param sourceAddresses how many loopback source addresses (127.0.0.2 ...) readers spread over
 * @param storm       the reconnect-storm run instead of the fan-out run
 * @param label       a name for the result row
 * @param readPorts   the ports readers spread over, round-robin (several nodes of a cluster); default the port
 */
record LoadOptions(String target, String transport, String host, int port, int readers, int rate, int seconds,
                   int warmUpSeconds, int rampPerSecond, List<Integer> pids, int sourceAddresses, boolean storm,
                   String label, String publishPath, String readPath, List<Integer> readPorts) {

  static LoadOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name, got " + args[i]);
      }
      String name = args[i].substring(2);
      values.put(name, name.equals("storm") ? "true" : args[++i]);
    }
    String target = values.getOrDefault("target", "newsticker");
    String transport = values.getOrDefault("transport", "ws");
    boolean nchan = target.equals("nchan");
    if (!nchan && !target.equals("newsticker") || !transport.equals("ws") && !transport.equals("sse")) {
      throw new IllegalArgumentException("--target newsticker|nchan, --transport ws|sse");
    }
    String defaultRead = nchan ? "/sub" : transport.equals("ws") ? "/api/v1/ws?snapshot=0" : "/api/v1/stream?snapshot=0";
    String pids = values.getOrDefault("pid", "");
    return new LoadOptions(target, transport,
      values.getOrDefault("host", "127.0.0.1"),
      Integer.parseInt(values.getOrDefault("port", nchan ? "8090" : "8080")),
      Integer.parseInt(values.getOrDefault("readers", "1000")),
      Integer.parseInt(values.getOrDefault("rate", "20")),
      Integer.parseInt(values.getOrDefault("seconds", "20")),
      Integer.parseInt(values.getOrDefault("warm-up-seconds", "2")),
      Integer.parseInt(values.getOrDefault("ramp", "2000")),
      pids.isBlank() ? List.of() : java.util.Arrays.stream(pids.split(",")).map(Integer::parseInt).toList(),
      Integer.parseInt(values.getOrDefault("source-addresses", "4")),
      Boolean.parseBoolean(values.getOrDefault("storm", "false")),
      values.getOrDefault("label", target + " " + transport),
      values.getOrDefault("publish-path", nchan ? "/pub" : "/api/v1/headlines"),
      values.getOrDefault("read-path", defaultRead),
      ports(values.get("read-ports"), Integer.parseInt(values.getOrDefault("port", nchan ? "8090" : "8080"))));
  }

  private static List<Integer> ports(String list, int port) {
    return list == null || list.isBlank() ? List.of(port)
      : java.util.Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  /** The port reader {@code i} connects to. */
  int readPort(int i) {
    return readPorts.get(i % readPorts.size());
  }

  boolean nchan() {
    return target.equals("nchan");
  }

  boolean webSocket() {
    return transport.equals("ws");
  }

  int headlines() {
    return rate * seconds;
  }

  int warmUpHeadlines() {
    return rate * warmUpSeconds;
  }
}
