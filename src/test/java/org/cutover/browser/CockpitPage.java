package org.cutover.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Cockpit, where the administrator watches the runbook: a process instance's diagram and
 * the count of running instances per process.
 */
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

  /** Opens "Processes" and reads how many instances of {@code processKey} are running. */
  String runningInstances(String processKey) {
    browser.go(url + "#/processes");
    WebElement count =
        browser.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//tr[td[contains(@class,'key')][normalize-space(.)='"
                        + processKey
                        + "']]/td[contains(@class,'instances')]")));
    return count.getText().strip();
  }
}
