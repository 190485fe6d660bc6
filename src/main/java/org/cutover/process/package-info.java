/**
 * The runbook as a Camunda process: the model {@code bpmn/cutover-migration.bpmn} (process {@code
 * cutover-migration}, business key = migration id) and the thin layer it calls.
 *
 * <ul>
 *   <li>One small {@link org.camunda.bpm.engine.delegate.JavaDelegate} per service task, a Spring
 *       bean named as in the model's {@code delegateExpression}: it reads variables ({@link
 *       org.cutover.process.ProcessVariables}), calls one port of {@link org.cutover.migration},
 *       writes variables. Failures: see {@code RunbookStep}.
 *   <li>The external-task worker of the topic {@code mailbox-sync} ({@code MailboxSyncWorker}).
 *   <li>{@link org.cutover.process.RunbookControl}, the REST API's way into the engine.
 *   <li>{@link org.cutover.process.RunbookDefaults}, the waits and retries ({@code
 *       cutover.runbook.*}).
 * </ul>
 *
 * Camunda types stay in this package; the domain knows nothing of the engine.
 */
package org.cutover.process;
