package org.cutover.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * The steps a runbook instance is at: the names of the activities its active executions stand in,
 * in the order the model lists them.
 *
 * <p>The engine's activity tree says the same, but it loads and links every execution of the
 * instance: a batch of 2000 mailboxes is thousands of executions for a list of one or two names,
 * read every time an administrator looks at the migration. Here the database returns one execution
 * per activity instead (grouped by activity), so the answer's cost no longer grows with the batch.
 * {@code CurrentStepsTest} holds the two against each other at every kind of wait state.
 */
final class CurrentSteps {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ManagementService management;

  CurrentSteps(RuntimeService runtime, RepositoryService repository, ManagementService management) {
    this.runtime = runtime;
    this.repository = repository;
    this.management = management;
  }

  List<String> of(ProcessInstance instance) {
    String executionTable = management.getTableName(ExecutionEntity.class);
    // One row per activity: MIN(ID_) picks any one of the executions standing in it.
    String sql =
        "SELECT * FROM "
            + executionTable
            + " WHERE ID_ IN (SELECT MIN(ID_) FROM "
            + executionTable
            + " WHERE PROC_INST_ID_ = #{instance} AND IS_ACTIVE_ = #{active}"
            + " AND ACT_ID_ IS NOT NULL GROUP BY ACT_ID_)";
    Set<String> active =
        runtime
            .createNativeExecutionQuery()
            .sql(sql)
            .parameter("instance", instance.getId())
            .parameter("active", true)
            .list()
            .stream()
            .map(execution -> ((ExecutionEntity) execution).getActivityId())
            .collect(Collectors.toSet());
    // The model's flow nodes come in the order the model lists them.
    return repository
        .getBpmnModelInstance(instance.getProcessDefinitionId())
        .getModelElementsByType(FlowNode.class)
        .stream()
        .filter(node -> active.contains(node.getId()))
        // A scope that is itself active has not entered its first step yet, or is a batch's
        // multi-instance body: the tree shows its steps, never the scope, and so does this.
        .filter(node -> !(node instanceof SubProcess))
        .map(node -> node.getName() == null ? node.getId() : node.getName())
        .distinct()
        .toList();
  }
}
