package org.cutover.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.cutover.dashboard.DashboardSamples;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.RegistrationLogins;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.migration.reports.PassRecords;
import org.cutover.process.RunbookControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The dashboard in a real browser, as an administrator opens it: headless Chromium is sent to sign
 * in, signs in on Camunda's own login page, and comes back to the migrations (a completed and a
 * cancelled one beside one migrating), opens the migrating one, filters and sorts its batch,
 * follows the mailbox with a message left out to its reason and the failed one to its error, and
 * switches to Danish. The migrating batch's passes are charted over time. The runbook is a stand-in
 * that waits on one task and one failed step; the migrations are stored as the runbook and sync
 * leave them. Screenshots land in {@code target/browser-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserIT {

  static final String ADMIN = "admin";
  static final String PASSWORD = "admin-test-password";

  @MockitoBean RunbookControl runbook;
  @MockitoBean RegistrationLogins logins;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @LocalServerPort int port;
  @Autowired MigrationRegistration registration;
  @Autowired MigrationStore store;
  @Autowired PassRecords passes;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void chromium() {
    BrowserSession.requireChromium();
  }

  @AfterEach
  void clean() {
    for (String table :
        List.of(
            "report_skipped_item",
            "report_folder",
            "report_pass",
            "report_mailbox",
            "mailbox",
            "endpoint",
            "migration",
            "secret")) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  @Test
  void anAdministratorSignsInAndFollowsAFailedMailboxToItsReason() {
    DashboardSamples.Stored stored =
        new DashboardSamples(registration, store, passes, jdbc).store();
    when(runbook.currentSteps(any())).thenReturn(List.of("Copy mailbox"));
    when(runbook.openTasks(stored.migrating()))
        .thenReturn(
            List.of(
                new RunbookControl.OpenTask(
                    "task-1",
                    "Assign licences",
                    null,
                    List.of(),
                    Instant.parse("2026-03-01T09:00:00Z"))));
    when(runbook.stepProblems(stored.migrating()))
        .thenReturn(
            List.of(
                new RunbookControl.StepProblem(
                    "Verify domain TXT record",
                    "TXT record MS=ms12345678 not found for contoso.com; add it at your DNS host",
                    0,
                    null)));
    // the runbook's process instance, as its start records it
    jdbc.sql("UPDATE migration SET process_instance_id = 'runbook-1' WHERE id = :id")
        .param("id", stored.migrating())
        .update();
    List<MailboxState> batch = store.mailboxes(stored.migrating());
    String base = "http://localhost:" + port;

    try (BrowserSession browser = BrowserSession.open()) {
      browser.keepPageOnFailure(
          () -> {
            browser.go(base + "/dashboard");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            browser.screenshot("dashboard-sign-in");
            browser.find(By.id("sign-in")).click();
            WebElement name =
                browser.until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("input[ng-model=username]")));
            name.sendKeys(ADMIN);
            browser.find(By.cssSelector("input[ng-model=password]")).sendKeys(PASSWORD);
            browser.find(By.cssSelector("form button[type=submit]")).click();
            browser.until(
                ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("input[ng-model=password]")));

            browser.go(base + "/dashboard?lang=en");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("ended")));
            String ended = browser.find(By.id("ended")).getText();
            assertThat(ended).contains("Completed").contains("Cancelled");
            assertThat(browser.find(By.id("running")).getText()).contains("Migrating");
            browser.screenshotWhole("dashboard-migrations");

            browser.find(By.cssSelector("tr[data-id='" + stored.migrating() + "'] a")).click();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("mailboxes")));
            assertThat(browser.find(By.id("waits")).getText())
                .contains("Assign licences")
                .contains("Open in Tasklist")
                .contains("Verify domain TXT record")
                .contains("Open the incidents in Cockpit");
            assertThat(browser.find(By.id("cockpit")).getAttribute("href"))
                .contains("/camunda/app/cockpit/")
                .contains("/process-instance/runbook-1/");
            assertThat(browser.find(By.id("status-chart")).isDisplayed()).isTrue();
            WebElement copied = browser.find(By.id("copied-chart"));
            ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", copied);
            assertThat(copied.isDisplayed()).isTrue();
            // each line is drawn across the chart, from the first pass's start to the last's end
            for (WebElement line :
                browser.driver().findElements(By.cssSelector("#copied-chart polyline.line"))) {
              assertThat(line.getSize().getWidth())
                  .isGreaterThan(copied.getSize().getWidth() * 3 / 4);
              assertThat(line.getSize().getHeight()).isGreaterThan(0);
            }
            assertThat(browser.find(By.id("copied-summary")).getText())
                .contains("200 messages and 1.9 MiB copied by 2 passes");
            browser.screenshot("dashboard-copied-over-time");
            assertThat(browser.driver().findElements(By.cssSelector("#mailboxes tr.mailbox")))
                .hasSize(4);
            browser.screenshotWhole("dashboard-migration");

            new Select(browser.find(By.id("status-filter"))).selectByValue("failed");
            browser.find(By.id("apply")).click();
            browser.until(
                ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#mailboxes tr.mailbox"), 1));
            assertThat(browser.find(By.id("mailboxes")).getText())
                .contains(batch.get(3).emailAddress())
                .contains(DashboardSamples.FAILURE);
            browser.screenshot("dashboard-failed-mailboxes");

            browser.find(By.linkText(batch.get(3).emailAddress())).click();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertThat(browser.find(By.id("error")).getText()).contains(DashboardSamples.FAILURE);
            browser.screenshot("dashboard-failed-mailbox");

            browser.go(base + "/dashboard/migrations/" + stored.migrating() + "?lang=en");
            browser.find(By.xpath("//th/a[contains(., 'Items synced')]")).click();
            browser.find(By.xpath("//th/a[contains(., 'Items synced')]")).click();
            List<WebElement> rows =
                browser
                    .driver()
                    .findElements(By.cssSelector("#mailboxes tr.mailbox td:first-child a"));
            assertThat(rows.get(0).getText()).isEqualTo(batch.get(0).emailAddress());

            browser.find(By.linkText(batch.get(1).emailAddress())).click();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("skipped")));
            assertThat(browser.find(By.id("skipped")).getText())
                .contains(DashboardSamples.TOO_LARGE_SUBJECT)
                .contains("Over the size limit");
            browser.screenshotWhole("dashboard-mailbox-skipped");

            browser.find(By.id("lang-da")).click();
            browser.until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("skipped"), "Over størrelsesgrænsen"));
            browser.screenshotWhole("dashboard-mailbox-da");
          });
    }
  }
}
