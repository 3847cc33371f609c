package dev.newsticker.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ticker.js and ticker-view.js as libraries, in the browser: module form, protocol, link safety. */
class TickerClientBrowserTest extends BrowserTestBase {

  @BeforeEach
  void openPage() {
    browser.driver().get(site.origin() + "/");
    browser.await(d -> browser.script("return window.NewsTicker && NewsTicker.mount") != null, Duration.ofSeconds(15));
  }

  @Test
  void loadsAsAnEsModuleToo() {
    Object exported = browser.driver().executeAsyncScript(
      "const done = arguments[arguments.length - 1];"
        + "import('/ticker.mjs').then(m => done([typeof m.connect, m.default === window.NewsTicker]), e => done(String(e)));");
    assertEquals(List.of("function", true), exported);
  }

  @Test
  void followsTheProtocolDropsDuplicatesResumesAndResyncs() throws IOException {
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Object log = browser.driver().executeAsyncScript(resource("/webtest/fake-stream.js"));
    assertEquals(List.of(
      "status connecting",
      "open category=sport&snapshot=20",
      "status live",
      "snapshot 10 a,b",
      "removed unknown 11",
      "removed a 12",
      "status reconnecting",
      "first closed true",
      "open category=sport&since=12",
      "status live",
      "story.new c 13",
      "resync",
      "snapshot 20 d",
      "story.new e 21",
      "resync",
      "status reconnecting",
      "open category=sport&snapshot=20",
      "status closed"), log);
  }

  @Test
  void makesLinksOnlyForHttpAndHttps() {
    // The server refuses other schemes on publish already; the page must not rely on that.
    Object hrefs = browser.script(
      "const box = document.createElement('div');"
        + "const view = new NewsTicker.View(box, {});"
        + "['javascript:window.pwned=1', 'data:text/html,x', 'https://example.com/a b', 'http://example.com/', 'no url']"
        + "  .forEach((url, i) => view.upsert({id: 'u' + i, headline: 'H' + i, url: url}, {type: 'story.new'}));"
        + "const hrefs = Array.from(box.querySelectorAll('a')).map(a => a.href);"
        + "view.destroy();"
        + "return hrefs;");
    // Newest first, three times over: the two runs of the crawl, then the list.
    assertEquals(List.of("http://example.com/", "https://example.com/a%20b", "http://example.com/", "https://example.com/a%20b",
      "http://example.com/", "https://example.com/a%20b"), hrefs);
  }

  @Test
  void aSnapshotRefreshesLinesItReplaces() {
    // After a resync the fresh snapshot may hold a newer version of a story already shown.
    Object lines = browser.script(
      "const box = document.createElement('div');"
        + "const view = new NewsTicker.View(box, {});"
        + "view.replaceAll([{id: 's', headline: 'Talks stall', revision: 1}, {id: 't', headline: 'Rain due'}]);"
        + "view.replaceAll([{id: 's', headline: 'Talks resume', revision: 2}, {id: 't', headline: 'Rain due'}]);"
        + "const lines = Array.from(box.querySelectorAll('.nt-list li')).map(li => li.dataset.id + ' ' + li.querySelector('.nt-headline').textContent"
        + "  + (li.querySelector('.nt-badge') ? ' (updated)' : ''));"
        + "view.destroy();"
        + "return lines;");
    assertEquals(List.of("s Talks resume (updated)", "t Rain due"), lines);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TickerClientBrowserTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
