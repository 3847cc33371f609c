package dev.newsticker.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Builds a Vert.x instance that joins the Hazelcast cluster the settings describe. */
public final class ClusteredVertx {

  private ClusteredVertx() {
  }

  /** @param builder a builder already holding this node's options and metrics */
  public static Future<Vertx> join(VertxBuilder builder, VertxOptions options, ClusterSettings cluster) {
    options.setEventBusOptions(new EventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host()));
    return builder.with(options).withClusterManager(new HazelcastClusterManager(hazelcast(cluster))).buildClustered();
  }

  /** Vert.x's default Hazelcast configuration (the maps it needs), with our network and failure detection. */
  static Config hazelcast(ClusterSettings cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(cluster.maxNoHeartbeatSeconds()));
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(true).setPortCount(20);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(cluster.host());
    config.getNetworkConfig().setPublicAddress(null);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(cluster.multicast());
    join.getTcpIpConfig().setEnabled(!cluster.multicast()).setMembers(cluster.members());
    return config;
  }
}
