package dev.newsticker.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** One real server and one headless Chromium per test class; skipped with a reason when Chromium is missing. */
abstract class BrowserTestBase {
  @TempDir
  static Path dataDir;
  static TickerSite site;
  static Browser browser;

  @BeforeAll
  static void startSiteAndBrowser() throws Exception {
    Browser.assumeInstalled();
    site = TickerSite.start(dataDir);
    browser = Browser.start();
  }

  @AfterAll
  static void stopSiteAndBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (site != null) {
      site.close();
    }
  }
}
