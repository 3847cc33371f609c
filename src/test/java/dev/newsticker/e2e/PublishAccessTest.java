package dev.newsticker.e2e;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With a token, only bearers publish; without one, only loopback clients do. */
class PublishAccessTest {
  private static final String HEADLINE = "{\"headline\":\"Access test headline\"}";
  @TempDir
  Path dataDir;
  private Vertx vertx;
  private Server server;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    Await.result(server.stop());
    Await.result(vertx.close());
  }

  @Test
  void withATokenOnlyItsBearerPublishes() {
    server = TestServers.start(vertx, TestServers.settings(dataDir, new JsonObject().put("publishToken", "s3cret")));
    try (Api api = new Api(vertx, server.port())) {
      assertEquals(401, api.send("application/json", HEADLINE, null).statusCode());
      assertEquals(403, api.send("application/json", HEADLINE, "wrong").statusCode());
      assertEquals(0, api.events(0).size());
      assertEquals(200, api.send("application/json", HEADLINE, "s3cret").statusCode());
      assertEquals(401, Await.result(api.client().delete("/api/v1/stories/x").send()).statusCode());
      assertEquals(1, api.events(0).size());
    }
  }

  @Test
  void withoutATokenLoopbackPublishesAndOthersDoNot() {
    Optional<String> lanAddress = nonLoopbackAddress();
    server = TestServers.start(vertx, TestServers.settings(dataDir,
      new JsonObject().put("http", new JsonObject().put("host", "0.0.0.0"))));
    try (Api api = new Api(vertx, server.port())) {
      assertEquals(200, api.send("application/json", HEADLINE, null).statusCode());
    }
    assumeTrue(lanAddress.isPresent(), "this machine has no non-loopback IPv4 address to publish from");
    WebClient client = WebClient.create(vertx);
    try {
      int status = Await.result(client.post(server.port(), lanAddress.get(), "/api/v1/headlines")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(io.vertx.core.buffer.Buffer.buffer(HEADLINE))).statusCode();
      assertEquals(403, status);
    } finally {
      client.close();
    }
  }

  private static Optional<String> nonLoopbackAddress() {
    try {
      return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }
}
