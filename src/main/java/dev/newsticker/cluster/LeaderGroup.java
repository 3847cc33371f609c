package dev.newsticker.cluster;

import io.vertx.core.Future;

/** What the desk's leader runs while it holds the desk: deployed on becoming leader, undeployed on losing it. */
public interface LeaderGroup {
  Future<Void> deploy();

  Future<Void> undeploy();
}
