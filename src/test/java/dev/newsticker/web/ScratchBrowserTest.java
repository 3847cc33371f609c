package dev.newsticker.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import java.time.Duration;
import java.util.Map;

class ScratchBrowserTest {
  @Test
  void stub() throws Exception {
    Browser.assumeInstalled();
    try (Browser b = Browser.start()) {
      b.driver().get("http://127.0.0.1:8099/");
      b.await(d -> d.findElements(By.cssSelector(".nt-item")).size() > 2, Duration.ofSeconds(5));
      b.screenshot("scratch-page", b.driver());
      b.emulateMedia(Map.of("prefers-color-scheme", "dark"));
      b.script("document.querySelector('.nt-badge').focus()");
      b.screenshot("scratch-page-dark", b.driver());
      b.windowWidth(320, 700);
      b.screenshot("scratch-page-320", b.driver());
      b.windowWidth(1000, 800);
      b.emulateMedia(Map.of());
      b.driver().get("http://127.0.0.1:8098/host.html");
      b.await(d -> b.inShadow(d.findElement(By.cssSelector(".newsticker-widget")), ".nt-item").size() > 2, Duration.ofSeconds(5));
      b.screenshot("scratch-host", b.driver());
      b.screenshot("scratch-widget", b.driver().findElement(By.cssSelector(".newsticker-widget")));
      b.driver().get("http://127.0.0.1:8099/embed?theme=light&limit=3");
      b.await(d -> d.findElements(By.cssSelector(".nt-item")).size() > 2, Duration.ofSeconds(5));
      b.screenshot("scratch-embed", b.driver());
    }
  }
}
