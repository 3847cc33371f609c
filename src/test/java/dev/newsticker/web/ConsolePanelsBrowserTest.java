package dev.newsticker.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console on a server without publish tokens (loopback only): its access state, the feeds and the figures. */
class ConsolePanelsBrowserTest extends BrowserTestBase {

  @Test
  void fromLoopbackWithoutATokenTheFeedsPanelAddsFetchesRemovesAndUndoes() {
    browser.driver().get(site.origin() + "/console");
    ConsolePage console = new ConsolePage(browser, site.origin());
    console.awaitAccess("No publish token is configured: the console works from this machine (loopback) only.");
    assertFalse(browser.driver().findElement(By.id("signin")).isDisplayed());
    browser.await(d -> d.findElement(By.id("figures")).getText().contains("Store\nh2, ready"), ConsolePage.PATIENCE);

    String url = "http://127.0.0.1:9/nothing-listens.xml";
    browser.driver().findElement(By.id("feed-url")).sendKeys(url);
    browser.driver().findElement(By.id("feed-source")).sendKeys("Nowhere");
    browser.driver().findElement(By.cssSelector("#add-feed button[type=submit]")).click();
    console.awaitNotice("Feed added");
    browser.await(d -> feedText(url).contains("Failing since"), ConsolePage.PATIENCE);
    assertTrue(feedText(url).contains("Nowhere"), feedText(url));
    assertTrue(feedText(url).contains("(1 in a row)"), feedText(url));

    press("[aria-label='Fetch now: " + url + "']");
    console.awaitNotice("Fetching " + url);
    browser.await(d -> feedText(url).contains("(2 in a row)"), ConsolePage.PATIENCE);

    press("[aria-label='Remove feed " + url + "']");
    console.awaitNotice("Feed removed");
    browser.await(d -> feedText(url).isEmpty(), ConsolePage.PATIENCE);
    browser.driver().findElement(By.id("undo")).click();
    console.awaitNotice("Undone");
    browser.await(d -> feedText(url).contains("Nowhere"), ConsolePage.PATIENCE);
  }

  /** What the feeds panel shows of the feed; empty when it is not listed. */
  private static String feedText(String url) {
    return (String) browser.script("const li = Array.from(document.querySelectorAll('#feeds li.feed'))"
      + ".find(li => li.querySelector('.feed-url').textContent === arguments[0]); return li ? li.innerText : ''", url);
  }

  /** Clicks the control, found afresh should the panel have been redrawn in between. */
  private static void press(String css) {
    browser.await(d -> {
      try {
        d.findElement(By.cssSelector(css)).click();
        return true;
      } catch (StaleElementReferenceException e) {
        return false;
      }
    }, ConsolePage.PATIENCE);
  }
}
