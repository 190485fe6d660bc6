package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.FinalSweeps;
import org.cutover.migration.LetterDesk;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.MigrationRegistry;
import org.cutover.migration.RunbookClaims;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The process layer's beans as Spring wires them: every bean the model names exists, also when no
 * DNS, target, sync or letter capability is configured.
 */
class ProcessBeansTest {

  @Configuration
  @ComponentScan(
      basePackageClasses = RunbookControl.class,
      useDefaultFilters = true,
      // the scan sees the test classes too: leave other tests' configurations out
      excludeFilters =
          @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = TestConfiguration.class))
  @EnableConfigurationProperties({
    RunbookDefaults.class,
    org.cutover.migration.schedule.SwitchLetterSettings.class,
    org.cutover.migration.letters.UserLetterSettings.class
  })
  static class ProcessLayer {

    @Bean
    ProcessEngine processEngine() {
      return mock(ProcessEngine.class);
    }

    @Bean
    org.cutover.migration.logins.RunningCredentials runningCredentials() {
      return mock(org.cutover.migration.logins.RunningCredentials.class);
    }

    @Bean
    BatchLifecycle batchLifecycle() {
      return mock(BatchLifecycle.class);
    }

    @Bean
    FinalSweeps finalSweeps() {
      return mock(FinalSweeps.class);
    }

    @Bean
    org.cutover.mxproof.MxProofs mxProofs() {
      return mock(org.cutover.mxproof.MxProofs.class);
    }

    @Bean
    org.cutover.migration.provisioning.TargetProvisioning targetProvisioning() {
      return mock(org.cutover.migration.provisioning.TargetProvisioning.class);
    }

    @Bean
    MailboxSyncRunner mailboxSyncRunner() {
      return mock(MailboxSyncRunner.class);
    }

    @Bean
    LetterDesk letterDesk() {
      return mock(LetterDesk.class);
    }

    @Bean
    MigrationRegistry migrationRegistry() {
      return mock(MigrationRegistry.class);
    }

    @Bean
    RunbookClaims runbookClaims() {
      return mock(RunbookClaims.class);
    }

    @Bean
    org.cutover.migration.schedule.SwitchSchedule switchSchedule() {
      return mock(org.cutover.migration.schedule.SwitchSchedule.class);
    }

    @Bean
    org.cutover.migration.RequestedMailboxes requestedMailboxes() {
      return mock(org.cutover.migration.RequestedMailboxes.class);
    }

    @Bean
    org.cutover.migration.watch.LateMailWatch lateMailWatch() {
      return mock(org.cutover.migration.watch.LateMailWatch.class);
    }

    @Bean
    org.cutover.migration.wayback.MailWayBack mailWayBack() {
      return mock(org.cutover.migration.wayback.MailWayBack.class);
    }

    @Bean
    org.cutover.migration.PreflightReports preflightReports() {
      return mock(org.cutover.migration.PreflightReports.class);
    }

    @Bean
    org.cutover.migration.failed.FailedMailboxes failedMailboxes() {
      return mock(org.cutover.migration.failed.FailedMailboxes.class);
    }

    @Bean
    org.cutover.migration.milestones.MilestoneMails milestoneMails() {
      return mock(org.cutover.migration.milestones.MilestoneMails.class);
    }

    @Bean
    org.cutover.migration.recipients.DiscoveryReview discoveryReview() {
      return mock(org.cutover.migration.recipients.DiscoveryReview.class);
    }
  }

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(ProcessLayer.class)
          .withPropertyValues("cutover.worker.enabled=false");

  @Test
  void everyDelegateTheModelNamesIsABean() throws Exception {
    RunbookModelTest.readModel();
    context.run(
        app -> {
          assertThat(app).hasNotFailed();
          assertThat(RunbookModelTest.delegateBeans())
              .contains("swapMx", "createAutodiscover", "publishSpf", "restoreMxTtl");
          for (String bean : RunbookModelTest.delegateBeans()) {
            assertThat(app.getBean(bean)).as(bean).isInstanceOf(JavaDelegate.class);
          }
          assertThat(RunbookModelTest.taskListenerBeans())
              .containsExactlyInAnyOrder(
                  "announcementReview",
                  "licenceTask",
                  "sweepGapReview",
                  "welcomeLetterReview",
                  "switchDecision",
                  "wouldBounceReview",
                  "refusedLoginReplacement");
          for (String bean : RunbookModelTest.taskListenerBeans()) {
            assertThat(app.getBean(bean)).as(bean).isInstanceOf(TaskListener.class);
          }
          assertThat(app.getBean("runbookPhase")).isInstanceOf(RunbookPhase.class);
          assertThat(app.getBean("batchMailboxes")).isInstanceOf(BatchMailboxes.class);
          assertThat(app.getBean("switchTime")).isInstanceOf(SwitchTimeExpressions.class);
          for (String bean :
              List.of(
                  "sendSwitchUpdate",
                  "sendSwitchReminder",
                  "tasklistSyncRequest",
                  "tasklistSwitchPlan")) {
            assertThat(app.getBean(bean)).as(bean).isInstanceOf(JavaDelegate.class);
          }
          assertThat(app.getBean(StepRetry.class).cycle()).isEqualTo("R5/PT5M");
          assertThat(app).hasSingleBean(RunbookControl.class);
          assertThat(app.getBeansOfType(ProcessEnginePlugin.class))
              .containsKeys("administratorIncidents", "refusedLoginTasks");
        });
  }

  @Test
  void theSyncWorkerFetchesTheModelsTopicWithIdsOnly() {
    assertThat(TaskSource.TOPIC).isEqualTo("mailbox-sync");
    assertThat(TaskSource.VARIABLES)
        .containsExactlyInAnyOrder("migrationId", "mailboxId", "syncMode");
    context.run(app -> assertThat(app).hasSingleBean(MailboxSyncWorker.class));
  }

  @Test
  void aBadSettingStopsTheStart() {
    context
        .withPropertyValues("cutover.runbook.txt-max-attempts=0")
        .run(
            app ->
                assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "cutover.runbook.txt-max-attempts must be from 1 to 1000, not 0"));
  }
}
