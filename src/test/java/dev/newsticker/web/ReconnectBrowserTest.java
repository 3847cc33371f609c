package dev.newsticker.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server restart under an open page: the page says so, reconnects and resumes from its last seq. */
class ReconnectBrowserTest extends BrowserTestBase {
  private static final Duration PATIENCE = Duration.ofSeconds(30);


  @Test
  void resumesAfterARestartWithoutDuplicates() {
    browser.driver().get(site.origin() + "/");
    browser.await(d -> "live".equals(status()), PATIENCE);
    // A second client on the page records every event it is handed, to see exactly what resumed.
    browser.script("window.seen = []; NewsTicker.connect({"
      + " onSnapshot: (stories) => seen.push('snapshot'),"
      + " onStory: (story, e) => seen.push(e.type + ' ' + story.id),"
      + " onRemove: (story) => seen.push('removed ' + story.id),"
      + " onResync: () => seen.push('resync') });");
    browser.await(d -> seen().contains("snapshot"), PATIENCE);

    List<String> first = site.publish(List.of(TickerSite.headline("r1", "Bridge closed for repairs"),
      TickerSite.headline("r2", "Airport adds night flights")));
    browser.await(d -> seen().size() == 3 && headlines().size() == 2, PATIENCE);

    site.stopServer();
    browser.await(d -> "reconnecting".equals(status()), PATIENCE);
    assertEquals("Reconnecting…", browser.driver().findElement(By.cssSelector(".nt-status")).getText());

    site.startServer();
    // Published before the page is back: it must arrive by replay from the page's last seq.
    String r3 = site.publish(TickerSite.headline("r3", "Rail strike called off"));
    assertEquals(first.get(0), site.publish(TickerSite.headline("r1", "Bridge reopens after repairs")));

    browser.await(d -> "live".equals(status()) && headlines().contains("Bridge reopens after repairs")
      && headlines().contains("Rail strike called off"), PATIENCE);
    browser.await(d -> seen().size() == 5, PATIENCE);
    assertEquals(List.of("snapshot", "story.new " + first.get(0), "story.new " + first.get(1), "story.new " + r3,
      "story.updated " + first.get(0)), seen());
    List<String> ids = ids();
    assertEquals(3, ids.size(), ids.toString());
    assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicates: " + ids);
    assertTrue(headlines().containsAll(List.of("Rail strike called off", "Bridge reopens after repairs", "Airport adds night flights")));
    assertEquals(1, browser.driver().findElements(By.cssSelector(".nt-list li[data-id='" + first.get(0) + "'] .nt-badge")).size());
  }

  private String status() {
    return (String) browser.script("const s = document.querySelector('.nt-status'); return s && s.dataset.state");
  }

  @SuppressWarnings("unchecked")
  private List<String> seen() {
    return (List<String>) browser.script("return window.seen || []");
  }

  @SuppressWarnings("unchecked")
  private List<String> headlines() {
    return (List<String>) browser.script(
      "return Array.from(document.querySelectorAll('.nt-list .nt-headline')).map(e => e.textContent)");
  }

  @SuppressWarnings("unchecked")
  private List<String> ids() {
    return (List<String>) browser.script(
      "return Array.from(document.querySelectorAll('.nt-list li')).map(e => e.dataset.id)");
  }
}
