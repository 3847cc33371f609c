package dev.newsticker.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder standing between a client and a server, that a test can break the way networks
 * and databases break: {@link #cut()} drops every connection and refuses new ones (the server
 * went down), {@link #freeze()} keeps connections open but lets nothing through (a partition).
 */
final class TcpProxy {

  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private NetClient client;
  private volatile boolean refusing;
  private volatile boolean frozen;

  TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** Starts listening on a free port of 127.0.0.1; answers the port. */
  Future<Integer> start() {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(this::accept);
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  private void accept(NetSocket front) {
    if (refusing) {
      front.close();
      return;
    }
    front.pause();
    client.connect(targetPort, targetHost)
      .onSuccess(back -> {
        sockets.add(front);
        sockets.add(back);
        forward(front, back);
        forward(back, front);
        front.resume();
      })
      .onFailure(failure -> front.close());
  }

  private void forward(NetSocket from, NetSocket to) {
    from.handler(bytes -> {
      if (!frozen) {
        to.write(bytes);
      }
    });
    from.closeHandler(closed -> {
      sockets.remove(from);
      to.close();
    });
  }

  /** Closes every connection and refuses new ones until {@link #restore()}. */
  Future<Void> cut() {
    refusing = true;
    return Future.all(sockets.stream().map(NetSocket::close).toList()).mapEmpty();
  }

  /** Keeps connections open but silently drops every byte, both ways, until {@link #restore()}. */
  void freeze() {
    frozen = true;
  }

  void restore() {
    refusing = false;
    frozen = false;
  }

  Future<Void> close() {
    return Future.all(server.close(), client.close()).mapEmpty();
  }
}
