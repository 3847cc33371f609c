package dev.newsticker.web;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Debian's chromium driven by Debian's chromedriver, headless. Selenium is told both paths, so
 * Selenium Manager never runs and nothing is downloaded. Without those binaries the browser
 * tests are skipped with the reason, unless NEWSTICKER_REQUIRE_BROWSER=true makes that a failure.
 */
final class Browser implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Browser.class);
  private static final File CHROMIUM = new File(env("NEWSTICKER_CHROMIUM", "/usr/bin/chromium"));
  private static final File CHROMEDRIVER = new File(env("NEWSTICKER_CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Aborts (skips) the calling test class when there is no browser, or fails when one is required. */
  static void assumeInstalled() {
    String missing = !CHROMIUM.canExecute() ? CHROMIUM + " is missing"
      : !CHROMEDRIVER.canExecute() ? CHROMEDRIVER + " is missing" : null;
    if (missing == null) {
      return;
    }
    String reason = missing + " (apt-get install chromium chromium-driver)";
    if (Boolean.parseBoolean(System.getenv("NEWSTICKER_REQUIRE_BROWSER"))) {
      Assertions.fail("Browser tests cannot run: " + reason + ", and NEWSTICKER_REQUIRE_BROWSER=true");
    }
    LOG.warn("Browser tests skipped: {}", reason);
    Assumptions.abort("Browser tests skipped: " + reason);
  }

  static Browser start() throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
    Path profile = Files.createTempDirectory("newsticker-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--user-data-dir=" + profile, "--window-size=1000,800");
    ChromeDriverService service = new ChromeDriverService.Builder()
      .usingDriverExecutable(CHROMEDRIVER)
      .usingAnyFreePort()
      .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Waits for {@code condition}; a page that re-renders meanwhile (a stale element) is looked at again. */
  <T> T await(Function<ChromeDriver, T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
      .until(ignored -> condition.apply(driver));
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Emulates CSS media features (prefers-color-scheme, prefers-reduced-motion); none resets. */
  void emulateMedia(Map<String, String> features) {
    List<Map<String, Object>> list = features.entrySet().stream()
      .map(feature -> Map.<String, Object>of("name", feature.getKey(), "value", feature.getValue()))
      .toList();
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", list));
  }

  void windowSize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Elements inside a shadow root, which By selectors from the document cannot reach. */
  List<WebElement> inShadow(WebElement host, String css) {
    return host.getShadowRoot().findElements(By.cssSelector(css));
  }

  Path screenshot(String name, TakesScreenshot what) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(what.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("Screenshot {}", target.toAbsolutePath());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
