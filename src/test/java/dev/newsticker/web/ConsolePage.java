package dev.newsticker.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The console at /console in one window and the ticker page at / in a second, as an editor and a
 * reader see them. The keyboard helpers only press keys: Tab until the wanted control has focus.
 */
final class ConsolePage {
  static final Duration PATIENCE = Duration.ofSeconds(20);
  /** Tab presses before giving up on reaching a control. */
  private static final int MAX_TABS = 300;
  private final Browser browser;
  private final String origin;
  private String consoleWindow;
  private String tickerWindow;

  ConsolePage(Browser browser, String origin) {
    this.browser = browser;
    this.origin = origin;
  }

  /**
   * The console, signed out, and the ticker page beside it. Both are loaded once for a test class
   * and kept open, as an editor and a reader would: between tests the console only signs out and
   * forgets its last notice, so no test leaves a page (and its stream) behind.
   */
  void openBoth() {
    if (consoleWindow == null) {
      // a page of the same origin without a stream: forget any token there, then load the console
      browser.driver().get(origin + "/health/live");
      browser.script("sessionStorage.clear()");
      browser.driver().get(origin + "/console");
      consoleWindow = browser.driver().getWindowHandle();
      browser.driver().switchTo().newWindow(WindowType.WINDOW);
      tickerWindow = browser.driver().getWindowHandle();
      browser.driver().get(origin + "/");
      browser.await(d -> "live".equals(browser.script(
        "const s = document.querySelector('.nt-status'); return s && s.dataset.state")), PATIENCE);
      browser.driver().switchTo().window(consoleWindow);
    }
    WebElement signOut = browser.driver().findElement(By.id("signout"));
    if (signOut.isDisplayed()) {
      signOut.click();
    }
    browser.script("document.getElementById('notice').hidden = true; document.getElementById('refusal').hidden = true;"
      + "document.activeElement.blur()");
    browser.await(d -> "live".equals(live()) && access().startsWith("Sign in"), PATIENCE);
  }

  String live() {
    return browser.driver().findElement(By.id("live")).getAttribute("data-state");
  }

  String access() {
    return browser.driver().findElement(By.id("access")).getText();
  }

  void awaitAccess(String text) {
    browser.await(d -> access().contains(text), PATIENCE);
  }

  WebElement row(String storyId) {
    return browser.await(d -> d.findElement(By.cssSelector("li.story[data-id='" + storyId + "']")), PATIENCE);
  }

  String headline(String storyId) {
    return row(storyId).findElement(By.cssSelector(".headline")).getText();
  }

  boolean hasRow(String storyId) {
    return !browser.driver().findElements(By.cssSelector("li.story[data-id='" + storyId + "']")).isEmpty();
  }

  /** Opens a story by mouse and waits for its history. */
  WebElement open(String storyId) {
    WebElement row = row(storyId);
    row.findElement(By.cssSelector("button.open")).click();
    return awaitHistory(storyId);
  }

  /** Opens the story, types {@code value} into the field of its form {@code form} and submits it. */
  void submit(String storyId, String form, String value) {
    WebElement field = open(storyId).findElement(By.cssSelector(form + " input"));
    field.clear();
    field.sendKeys(value);
    row(storyId).findElement(By.cssSelector(form + " button[type=submit]")).click();
  }

  /** Opens the story and merges it into the one headed {@code into}, chosen in the picker. */
  void mergeByPicker(String storyId, String into) {
    WebElement row = open(storyId);
    new Select(row.findElement(By.cssSelector(".merge select"))).selectByVisibleText(into);
    row.findElement(By.cssSelector(".merge button[type=submit]")).click();
  }

  /** The doubt in the doubts panel that names both headlines, once it shows. */
  /**
   * Presses {@code button} in the doubt about these two headlines, looking the row up again if the
   * panel re-renders meanwhile; answers how many headlines the row showed side by side.
   */
  int answerDoubt(String storyHeadline, String otherHeadline, String button) {
    return browser.await(d -> {
      WebElement row = d.findElements(By.cssSelector("#doubts li.doubt")).stream()
        .filter(li -> li.getText().contains(storyHeadline) && li.getText().contains(otherHeadline))
        .findFirst().orElse(null);
      if (row == null) {
        return null;
      }
      int shown = row.findElements(By.cssSelector(".pair .headline")).size();
      row.findElement(By.xpath(".//button[text()='" + button + "']")).click();
      return shown;
    }, PATIENCE);
  }

  WebElement awaitHistory(String storyId) {
    return browser.await(d -> {
      List<WebElement> tables = row(storyId).findElements(By.cssSelector(".history table"));
      return tables.isEmpty() ? null : row(storyId);
    }, PATIENCE);
  }

  WebElement notice() {
    return browser.driver().findElement(By.id("notice"));
  }

  void awaitNotice(String text) {
    browser.await(d -> notice().isDisplayed() && notice().getText().contains(text), PATIENCE);
  }

  String refusal() {
    WebElement refusal = browser.driver().findElement(By.id("refusal"));
    return refusal.isDisplayed() ? refusal.getText() : null;
  }

  /** Waits until the ticker page's list of headlines passes {@code test}; the console keeps focus after. */
  void awaitTicker(String what, Predicate<List<String>> test) {
    browser.driver().switchTo().window(tickerWindow);
    try {
      browser.await(d -> test.test(tickerHeadlines()), PATIENCE);
    } catch (RuntimeException e) {
      throw new AssertionError("the ticker page never showed " + what + "; it shows " + tickerHeadlines(), e);
    } finally {
      browser.driver().switchTo().window(consoleWindow);
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> tickerHeadlines() {
    return (List<String>) browser.script(
      "return Array.from(document.querySelectorAll('.nt-list .nt-headline')).map(e => e.textContent)");
  }

  /** Presses Tab until the focused element matches {@code css}; fails when it never does. */
  WebElement tabTo(String css) {
    for (int i = 0; i < MAX_TABS; i++) {
      if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0])", css))) {
        return browser.driver().switchTo().activeElement();
      }
      keys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + css);
  }

  /** A key pressed with a modifier held (Ctrl+A, Alt+Z). */
  void chord(Keys modifier, String key) {
    new Actions(browser.driver()).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
  }

  void keys(CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }

  /** Focus is where the keyboard left it, and visibly so (the console's focus ring). */
  String focusOutline() {
    return (String) browser.script("return getComputedStyle(document.activeElement).outlineStyle");
  }
}
