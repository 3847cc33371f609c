package dev.newsticker.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** widget.js as packaged (classpath web/) stays within its budget of 15 KB gzipped. */
class WidgetSizeTest {
  private static final int BUDGET = 15 * 1024;

  @Test
  void widgetIsAtMost15KilobytesGzipped() throws IOException {
    int size = gzippedSize("/web/widget.js");
    assertTrue(size <= BUDGET, "widget.js is " + size + " bytes gzipped");
  }

  @Test
  void everythingTheWidgetLoadsFitsTheBudgetToo() throws IOException {
    int size = gzippedSize("/web/widget.js") + gzippedSize("/web/ticker.js") + gzippedSize("/web/ticker-story.js")
      + gzippedSize("/web/ticker-view.js")
      + gzippedSize("/web/ticker.css");
    assertTrue(size <= BUDGET, "the widget with what it loads is " + size + " bytes gzipped");
  }

  private static int gzippedSize(String resource) throws IOException {
    try (InputStream in = WidgetSizeTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
        {
          def.setLevel(Deflater.BEST_COMPRESSION);
        }
      }) {
        in.transferTo(gzip);
      }
      return out.size();
    }
  }
}
