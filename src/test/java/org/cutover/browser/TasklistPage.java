package org.cutover.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as a person works it: sign in, start a process from its start form, wait for a
 * task to turn up, open it, claim it, fill its form and complete it.
 */
final class TasklistPage {

  private static final By TASK_LINKS = By.cssSelector("ol.tasks-list li.task h4.task a");
  private static final By LIST_LOADED =
      By.cssSelector("section.tasks-list .well, ol.tasks-list li.task");
  private static final By ERROR = By.cssSelector(".page-notifications .alert-danger");

  private final BrowserSession browser;
  private final String url;

  /**
   * @param baseUrl the application, e.g. {@code http://localhost:8080}
   * @param engine the process engine's name, as in Tasklist's address
   */
  TasklistPage(BrowserSession browser, String baseUrl, String engine) {
    this.browser = browser;
    this.url = baseUrl + "/camunda/app/tasklist/" + engine + "/";
  }

  TasklistPage signIn(String user, String password) {
    browser.go(url);
    WebElement name =
        browser.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model=username]")));
    name.sendKeys(user);
    browser.find(By.cssSelector("input[ng-model=password]")).sendKeys(password);
    browser.find(By.cssSelector("form button[type=submit]")).click();
    browser.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//a[normalize-space(.)='Start process']")));
    return this;
  }

  /** Goes (back) to Tasklist, already signed in. */
  TasklistPage open() {
    browser.go(url);
    browser.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//a[normalize-space(.)='Start process']")));
    return this;
  }

  /** Opens "Start process", picks the process by its name and waits for its start form. */
  CamundaForm startProcess(String processName, String formName) {
    browser
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[normalize-space(.)='Start process']")))
        .click();
    browser
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]"
                        + "//a[contains(normalize-space(.),'"
                        + processName
                        + "')]")))
        .click();
    return CamundaForm.shown(browser, formName);
  }

  /** Presses the start dialog's "Start" and waits until the dialog has closed. */
  void start() {
    click(browser.find(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']")));
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));
  }

  /**
   * Waits until a task named {@code taskName} is in the list, reloading the list as a person would
   * press reload, then opens it, claims it and waits for its form.
   */
  CamundaForm openTask(String taskName, String formName, Duration patience) {
    WebElement link =
        browser.until(
            patience,
            driver -> {
              browser.until(ExpectedConditions.visibilityOfElementLocated(LIST_LOADED));
              List<WebElement> found =
                  driver.findElements(TASK_LINKS).stream()
                      .filter(a -> a.getText().strip().equals(taskName))
                      .toList();
              if (found.isEmpty()) {
                driver.navigate().refresh();
                return null;
              }
              return found.get(0);
            });
    click(link);
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".task-details h2, .task-details .names"), taskName));
    List<WebElement> claim = browser.driver().findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      click(claim.get(0));
      browser.until(
          ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }
    CamundaForm form = CamundaForm.shown(browser, formName);
    browser.until(
        ExpectedConditions.elementToBeClickable(
            By.cssSelector(".form-actions button.btn-primary")));
    return form;
  }

  /** Presses "Complete" on the open task's form. */
  void complete() {
    click(browser.find(By.cssSelector(".form-actions button.btn-primary")));
  }

  /** Presses "Complete" and waits until the task has left the list. */
  void completeAndWaitUntilGone(String taskName) {
    complete();
    browser.until(
        driver -> {
          List<WebElement> errors = driver.findElements(ERROR);
          if (!errors.isEmpty()) {
            throw new AssertionError(
                "Tasklist refused to complete " + taskName + ": " + errors.get(0).getText());
          }
          return driver.findElements(TASK_LINKS).stream()
              .noneMatch(a -> a.getText().strip().equals(taskName));
        });
  }

  /** Closes the error Tasklist shows, as a person does after reading it. */
  void dismissError() {
    click(browser.find(By.cssSelector(".page-notifications .alert-danger button.close.ng-scope")));
    browser.until(ExpectedConditions.invisibilityOfElementLocated(ERROR));
  }

  /** The error Tasklist shows, once it shows one: its heading and its message. */
  String error() {
    return browser.until(ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    browser.until(ExpectedConditions.elementToBeClickable(element)).click();
  }
}
