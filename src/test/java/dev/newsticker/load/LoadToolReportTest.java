package dev.newsticker.load;

import dev.newsticker.support.ServerTestBase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load tool's report against the real server: its own warm-up headlines are accounted for
 * like the measured ones (delivered, lost, duplicated, out of order), and the per-second line
 * covers the measured window only.
 */
class LoadToolReportTest extends ServerTestBase {
  private static final int READERS = 20;

  @Test
  void warmUpHeadlinesAreDeliveredAndCountedAndTheMeasuredSecondsAreReported() throws Exception {
    String report = run("--port", Integer.toString(server.port()), "--transport", "sse",
      "--readers", Integer.toString(READERS), "--rate", "10", "--seconds", "2", "--warm-up-seconds", "1",
      "--source-addresses", "1", "--label", "report");

    String row = report.lines().filter(line -> line.startsWith("ROW ")).findFirst().orElseThrow();
    String[] cells = row.split("\\s*\\|\\s*");
    assertEquals("report", cells[1]);
    assertEquals(Integer.toString(READERS), cells[2]);
    assertEquals(READERS * 30 + "/" + READERS * 30, cells[4], "warm-up's 10 and the measured 20 headlines, to every reader");
    assertEquals("0", cells[5], "lost");
    assertEquals("0", cells[6], "duplicated");
    assertEquals("0", cells[7], "out of order");
    assertTrue(report.contains("load tool's warm-up: 10 headlines, 200 of 200 delivered"), report);
    String perSecond = report.lines().filter(line -> line.startsWith("slowest delivery in each second"))
      .findFirst().orElseThrow();
    assertEquals(2, perSecond.substring(perSecond.indexOf(':') + 1).trim().split(" ").length, perSecond);
  }

  private static String run(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LoadTool.main(args);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
