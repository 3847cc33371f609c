package dev.newsticker.cluster;

import dev.newsticker.config.ConfigException;
import dev.newsticker.config.ConfigReader;
import dev.newsticker.config.Settings;

import java.util.List;

/**
 * The "cluster" section: whether this node joins a Hazelcast cluster, how members find each
 * other (a TCP member list; multicast only when asked), and how fast a dead desk is replaced.
 *
 * @param host                  the address this node binds and announces for Hazelcast and the event bus
 * @param port                  the first Hazelcast port tried (the next ones are tried when it is taken)
 * @param members               the TCP member list, {@code host} or {@code host:port}
 * @param leaderPollMillis      how often a node without the desk tries to take it
 * @param maxNoHeartbeatSeconds how long a silent member stays in the cluster
 */
public record ClusterSettings(boolean enabled, String name, String host, int port, List<String> members,
                              boolean multicast, int leaderPollMillis, int maxNoHeartbeatSeconds) {

  public static ClusterSettings from(Settings settings) {
    ConfigReader cluster = new ConfigReader(settings.section("cluster"), "cluster");
    ClusterSettings parsed = new ClusterSettings(
      cluster.bool("enabled", false),
      cluster.string("name", "newsticker"),
      cluster.string("host", "127.0.0.1"),
      cluster.integer("port", 5701, 1, 65535),
      cluster.list("members").isEmpty() ? List.of("127.0.0.1") : cluster.list("members"),
      cluster.bool("multicast", false),
      cluster.integer("leaderPollMillis", 1000, 100, 60_000),
      cluster.integer("maxNoHeartbeatSeconds", 6, 2, 600));
    if (parsed.enabled() && settings.pgUrl() == null) {
      throw new ConfigException("cluster.enabled", "a cluster shares its stories through PostgreSQL: set NEWSTICKER_PG_URL too");
    }
    return parsed;
  }
}
