package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cutover.migration.recipients.DiscoveryRefused;
import org.cutover.migration.recipients.DiscoveryReview;
import org.cutover.migration.recipients.ReviewText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Directory discovery" started from Tasklist: the directory is read in the start's own
 * transaction, the proposed batch is reviewed in a task, and the decision accepts (recorded with
 * who) or discards the discovery.
 */
@Deployment(resources = "bpmn/cutover-discovery.bpmn")
class DiscoveryProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  ProcessEngine processEngine;
  final DiscoveryReview review = mock(DiscoveryReview.class);

  @BeforeEach
  void registerBeans() {
    BpmnAwareTests.init(processEngine);
    Mocks.register("readDirectory", new ReadDirectory(review));
    Mocks.register("proposedBatchReview", new ProposedBatchReview(review));
  }

  @AfterEach
  void resetBeans() {
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  private static Map<String, Object> startForm() {
    Map<String, Object> form = new HashMap<>();
    form.put("domain", "contoso.com");
    form.put("directoryUrl", "ldaps://dc1.contoso.com");
    form.put("bindDn", "CN=svc-cutover,OU=Service,DC=contoso,DC=com");
    form.put("bindCredentialId", "5f0c8c1e-3d1b-4b8e-9a55-0d7f3c1f2a10");
    form.put("baseDn", "DC=contoso,DC=com");
    form.put("allowPlaintext", false);
    form.put("language", "da");
    return form;
  }

  private ProcessInstance startDiscovery() {
    when(review.discover(any())).thenReturn("disc-1");
    when(review.text("disc-1", Locale.forLanguageTag("da")))
        .thenReturn(
            new ReviewText(
                "anna@contoso.com – Anna Jensen (brugerpostkasse)\n"
                    + "bo@contoso.com (brugerpostkasse)",
                2,
                "room1@contoso.com (lokalepostkasse): et lokales kalender til booking",
                1,
                "sales@contoso.com (distributionsgruppe, 2 medlemmer)"));
    String definition =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-discovery")
            .singleResult()
            .getId();
    return processEngine.getFormService().submitStartForm(definition, startForm());
  }

  @Test
  void readsTheDirectoryAndOpensTheProposedBatchForReviewInTheFormsLanguage() {
    ProcessInstance discovery = startDiscovery();

    assertThat(discovery).isWaitingAt("reviewProposedBatch");
    verify(review)
        .discover(
            new DiscoveryReview.Request(
                "contoso.com",
                "ldaps://dc1.contoso.com",
                "CN=svc-cutover,OU=Service,DC=contoso,DC=com",
                "5f0c8c1e-3d1b-4b8e-9a55-0d7f3c1f2a10",
                "DC=contoso,DC=com",
                null,
                false));
    assertThat(discovery)
        .hasBusinessKey("disc-1")
        .variables()
        .containsEntry("discoveryId", "disc-1")
        .containsEntry("proposedCount", 2)
        .containsEntry("excludedCount", 1)
        .containsEntry(
            "excludedRecipients",
            "room1@contoso.com (lokalepostkasse): et lokales kalender til booking")
        .containsEntry("directoryGroups", "sales@contoso.com (distributionsgruppe, 2 medlemmer)");
  }

  @Test
  void anAcceptedBatchIsRecordedWithWhoAcceptedItAndTheMailboxesLeftOut() {
    ProcessInstance discovery = startDiscovery();
    processEngine.getIdentityService().setAuthenticatedUserId("admin");

    complete(discovery, Map.of("reviewDecision", "ACCEPT", "leaveOutMailboxes", "bo@contoso.com"));

    verify(review).accept("disc-1", "bo@contoso.com", "admin");
    assertThat(discovery).isEnded().hasPassed("batchAccepted");
  }

  @Test
  void aDiscardedDiscoveryIsDeleted() {
    ProcessInstance discovery = startDiscovery();

    complete(discovery, Map.of("reviewDecision", "DISCARD"));

    verify(review).discard("disc-1");
    verify(review, never()).accept(anyString(), any(), anyString());
    assertThat(discovery).isEnded().hasPassed("discoveryDiscarded");
  }

  @Test
  void anAddressThatIsNoProposedMailboxKeepsTheTaskOpenWithTheReason() {
    ProcessInstance discovery = startDiscovery();
    processEngine.getIdentityService().setAuthenticatedUserId("admin");
    doThrow(new DiscoveryRefused("leaveOutMailboxes: eve@contoso.com is no mailbox"))
        .when(review)
        .accept("disc-1", "eve@contoso.com", "admin");

    assertThatThrownBy(
            () ->
                complete(
                    discovery,
                    Map.of("reviewDecision", "ACCEPT", "leaveOutMailboxes", "eve@contoso.com")))
        .hasMessageContaining("eve@contoso.com is no mailbox");

    assertThat(discovery).isWaitingAt("reviewProposedBatch");
  }

  @Test
  void acceptingWithoutASignedInUserIsRefused() {
    ProcessInstance discovery = startDiscovery();

    assertThatThrownBy(() -> complete(discovery, Map.of("reviewDecision", "ACCEPT")))
        .hasMessageContaining("sign in");

    verify(review, never()).accept(anyString(), any(), anyString());
    assertThat(discovery).isWaitingAt("reviewProposedBatch");
  }

  @Test
  void aDirectoryThatRefusesRefusesTheStartWithTheReasonAndKeepsNothing() {
    when(review.discover(any()))
        .thenThrow(
            new DiscoveryRefused(
                "The directory could not be read / Kataloget kunne ikke læses: the directory"
                    + " refused the login"));
    String definition =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-discovery")
            .singleResult()
            .getId();

    assertThatThrownBy(
            () -> processEngine.getFormService().submitStartForm(definition, startForm()))
        .hasMessageContaining("Kataloget kunne ikke læses: the directory refused the login");

    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  private void complete(ProcessInstance discovery, Map<String, Object> form) {
    Task task =
        processEngine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(discovery.getId())
            .singleResult();
    processEngine.getFormService().submitTaskForm(task.getId(), form);
  }
}
