package dev.newsticker.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged server (target/newsticker.jar) run as a real process, as a user runs it. */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");
  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private volatile int port;

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "server-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static Path jar() {
    Path jar = Path.of(System.getProperty("newsticker.jar", "target/newsticker.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run the integration tests with mvn verify");
    }
    return jar;
  }

  /** Starts the server with these environment variables and returns before it is ready. */
  public static ServerProcess launch(Map<String, String> environment, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar().toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
      .redirectErrorStream(true)
      .directory(new File(System.getProperty("java.io.tmpdir")));
    builder.environment().keySet().removeIf(name -> name.startsWith("NEWSTICKER_"));
    builder.environment().putAll(environment);
    return new ServerProcess(builder.start());
  }

  /** Starts the server and waits until it listens. */
  public static ServerProcess start(Map<String, String> environment, String... args) throws IOException {
    ServerProcess server = launch(environment, args);
    Await.until("the server to listen (output: " + server.output + ")", Duration.ofSeconds(60),
      () -> server.port > 0 || !server.process.isAlive());
    if (server.port == 0) {
      throw new AssertionError("server did not start: " + String.join("\n", server.output));
    }
    return server;
  }

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          port = Integer.parseInt(matcher.group(1));
        }
      }
    } catch (IOException ignored) {
      // the process is gone; its output ends here
    }
  }

  public int port() {
    return port;
  }

  public boolean printed(String text) {
    return output.stream().anyMatch(line -> line.contains(text));
  }

  public List<String> output() {
    return List.copyOf(output);
  }

  /** SIGTERM: the JVM runs its shutdown hook, so the server stops gracefully. Returns at once. */
  public void terminate() {
    process.destroy();
  }

  /** kill -9: no shutdown hook, no flush, nothing graceful. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public int waitForExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("server did not exit");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
