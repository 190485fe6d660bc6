package org.cutover.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cutover.testsupport.RealServers;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver}, driven
 * over WebDriver. The browser and its driver are named by path, so nothing is looked up or
 * downloaded; every session starts with a fresh profile, which is deleted on close, and reaches
 * nothing but localhost. Screenshots go to {@code target/browser-screenshots/}.
 */
final class BrowserSession implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final int WIDTH = 1600;
  private static final int HEIGHT = 1200;

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;
  private int shots;

  private BrowserSession(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips the test (fails it with {@code CI=true}) when Chromium or its driver is missing. */
  static void requireChromium() {
    RealServers.require(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium (Debian packages chromium and chromium-driver: "
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + ")");
  }

  static BrowserSession open() {
    Path profile;
    try {
      profile = Files.createTempDirectory("cutover-chromium-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the browser's profile directory", e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-default-browser-check",
        "--no-pings",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-breakpad",
        "--disable-features=OptimizationHints,OptimizationGuideModelDownloading,"
            + "OptimizationHintsFetching,MediaRouter,Translate,AutofillServerCommunication",
        // Even so Chromium looks up Google's and the search engine's hosts; only localhost is
        // resolved, every other name fails at once, without a DNS query.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
        "--lang=en-GB",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    return new BrowserSession(service, driver, profile);
  }

  WebDriver driver() {
    return driver;
  }

  void go(String url) {
    driver.get(url);
  }

  /**
   * Waits until {@code condition} holds, up to 30 seconds. An element that Tasklist redraws while
   * it is read is asked for again.
   */
  <T> T until(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Waits until {@code condition} holds, up to {@code patience}, asking every two seconds. */
  <T> T until(Duration patience, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, patience, Duration.ofSeconds(2))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  /** Saves what the browser shows as {@code NN-name.png}; returns the file. */
  Path screenshot(String name) {
    Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name));
    try {
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the screenshot " + file, e);
    }
    return file;
  }

  /**
   * Saves the whole page, however long, as {@code NN-name.png}: the window is made as tall as the
   * page (or the open dialog) for the picture, then set back.
   */
  Path screenshotWhole(String name) {
    Object height =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const dialog = document.querySelector('.modal');"
                    + "return Math.max(document.documentElement.scrollHeight,"
                    + " dialog ? dialog.scrollHeight : 0);");
    int tall = Math.min(((Number) height).intValue() + 200, 8000);
    driver.manage().window().setSize(new Dimension(WIDTH, Math.max(tall, HEIGHT)));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }
  }

  /**
   * Runs {@code steps}; when they fail, saves what the browser shows (screenshot and page source,
   * {@code failure.png}, {@code failure.html}) before the failure goes on.
   */
  void keepPageOnFailure(Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError failure) {
      try {
        Files.copy(
            driver.getScreenshotAs(OutputType.FILE).toPath(),
            SCREENSHOTS.resolve("failure.png"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(SCREENSHOTS.resolve("failure.html"), driver.getPageSource());
      } catch (IOException | RuntimeException unsaved) {
        failure.addSuppressed(unsaved);
      }
      throw failure;
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile harms nothing
    }
  }
}
