package org.ncs.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium (Debian's chromium and chromium-driver) on the service, as a person uses it: signing
 * in, choosing a language, reading pages. It checks pages with axe-core, measures what they weigh, and saves
 * screenshots under {@code target/browser}.
 */
public final class Browser implements AutoCloseable {

  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  private final ChromeDriver driver;
  private final String base;
  private final WebDriverWait wait;

  public Browser(int port) {
    ChromeOptions options = new ChromeOptions()
        .setBinary("/usr/bin/chromium")
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,1000", "--lang=en-GB");
    // the console, for the content security policy's refusals and script errors
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    this.driver = new ChromeDriver(service, options);
    this.base = "http://localhost:" + port;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Signs in through the sign-in page, in English unless another language is chosen first. */
  public Browser signIn(String user, String language) {
    open("/login");
    if (!"en".equals(language)) {
      chooseLanguage(language);
    }
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    return this;
  }

  /** The language switcher of the page: a full page load in the new language. */
  public void chooseLanguage(String language) {
    WebElement html = driver.findElement(By.tagName("html"));
    driver.findElement(By.cssSelector("form.languages button[value='" + language + "']")).click();
    // the old page is gone: ChromeDriver says so with a stale reference or, at times, with "node does not belong
    // to the document"
    wait.until(driver -> {
      try {
        html.isEnabled();
        return false;
      } catch (WebDriverException gone) {
        return true;
      }
    });
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
  }

  /** Opens a page and waits until it and what its scripts load are done. */
  public void open(String path) {
    driver.get(base + path);
    settle();
  }

  /** Waits until the page's scripts have nothing left to load (the diagrams included). */
  public void settle() {
    wait.until(driver -> "complete".equals(script("return document.readyState")));
    wait.until(driver -> Boolean.TRUE.equals(script(
        "return [...document.querySelectorAll('.diagram[data-src]')].every(d => d.dataset.shown === 'shown')")));
  }

  /**
   * Follows a link or sends a form by clicking it, and waits for the next page: the pages load the next page in
   * place (htmx), so the old page stays until the new one has arrived.
   */
  public void click(WebElement element, String expectedPath) {
    element.click();
    wait.until(driver -> expectedPath.equals(script("return location.pathname"))
        && Boolean.TRUE.equals(script("return document.querySelector('.htmx-request') === null")));
    settle();
  }

  /** Waits until an element matching the selector is shown: what the page shows once a form's answer arrived. */
  public WebElement waitFor(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The serious and critical violations of WCAG 2.1 A and AA that axe-core finds on the page, in words. */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityViolations() {
    script(axeSource());
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
            + " resultTypes: ['violations']})"
            + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))"
            + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /**
   * What the page transfers, headers and compression included: on a first visit with an empty cache, then on a
   * repeat visit. In bytes.
   */
  public Map<String, Long> weight(String path) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    open(path);
    long first = transferred();
    open(path);
    long repeat = transferred();
    return Map.of("first", first, "repeat", repeat);
  }

  private long transferred() {
    return ((Number) script("return performance.getEntriesByType('navigation')"
        + ".concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize || 0), 0)"))
        .longValue();
  }

  /** Saves a full-page screenshot as {@code target/browser/<name>.png}. */
  public void screenshot(String name) {
    Number height = (Number) script("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(1280, Math.max(800, height.intValue())));
    try {
      Path target = Path.of("target", "browser", name + ".png");
      Files.createDirectories(target.getParent());
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
      if (in == null) {
        throw new IllegalStateException(AXE + " is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
