package org.cutover.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Cockpit, where the administrator watches the runbook: a process instance's diagram. */
final class CockpitPage {

  private final BrowserSession browser;
  private final String url;

  CockpitPage(BrowserSession browser, String baseUrl, String engine) {
    this.browser = browser;
    this.url = baseUrl + "/camunda/app/cockpit/" + engine + "/";
  }

  /** Opens the running instance's page and waits until its diagram is drawn. */
  CockpitPage openInstance(String processInstanceId) {
    browser.go(url + "#/process-instance/" + processInstanceId + "/runtime");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".djs-container")));
    return this;
  }

  /** The number of tokens the diagram shows on the activity {@code activityId}, once it shows. */
  String tokensAt(String activityId) {
    WebElement badge =
        browser.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(
                    ".djs-overlays[data-container-id='"
                        + activityId
                        + "'] .badge"))); // the running-instances badge
    return badge.getText().strip();
  }

  String pageSource() {
    return browser.driver().getPageSource();
  }
}
