package dev.newsticker.e2e;

import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.ServerProcess;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar as a user runs it: from any directory, with the demo on, and refusing bad settings by name. */
class StartupIT {
  @TempDir
  Path dataDir;

  @Test
  void theJarServesThePageAndTheDemoMovesTheTicker() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ServerProcess server = ServerProcess.start(Map.of("NEWSTICKER_HTTP_PORT", "0",
      "NEWSTICKER_DATA_DIR", dataDir.toString()));
         Api api = new Api(vertx, server.port())) {
      assertEquals(200, api.get("/").statusCode());
      assertTrue(api.get("/").bodyAsString().contains("<html") || api.get("/").bodyAsString().contains("<!doctype"));
      Await.until("demo headlines in the event log", () -> api.events(0).size() >= 3);
      assertEquals(200, api.get("/health/ready").statusCode());
      assertTrue(Files.exists(dataDir.resolve("newsticker.mv.db")));
    } finally {
      Await.result(vertx.close());
    }
  }

  @Test
  void aBadSettingStopsStartUpNamingIt() throws Exception {
    try (ServerProcess server = ServerProcess.launch(Map.of("NEWSTICKER_HTTP_PORT", "eighty",
      "NEWSTICKER_DATA_DIR", dataDir.toString()))) {
      assertEquals(2, server.waitForExit());
      Await.until("the error message", () -> String.join("\n", server.output()).contains("NEWSTICKER_HTTP_PORT"));
      assertTrue(String.join("\n", server.output()).contains("'eighty' is not a whole number"), server.output().toString());
    }
  }

  @Test
  void aConfigFileArgumentOverridesTheDefaults() throws Exception {
    Path config = dataDir.resolve("custom.json");
    Files.writeString(config, "{\"demo\":{\"enabled\":false},\"http\":{\"port\":70000}}");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-jar", ServerProcess.jar().toAbsolutePath().toString(), config.toString()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("NEWSTICKER_"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(2, process.waitFor());
    assertTrue(output.contains("http.port") && output.contains("70000"), output);
  }
}
