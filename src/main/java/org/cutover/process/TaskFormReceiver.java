package org.cutover.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A task's complete listener that takes what a Tasklist form submitted before the task completes
 * ({@link ReceivingTaskForms}). Refusing there with a {@link
 * org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException} answers the submission
 * with 400 and the message alone, which Tasklist shows above the form with the person's input kept;
 * the same refusal from the complete event would reach Tasklist as an internal error wrapped in the
 * engine's listener message. Receiving must leave the complete event nothing more to do.
 */
interface TaskFormReceiver {

  /** Takes the submitted variables, already set on {@code task}, or refuses them. */
  void receive(DelegateTask task);
}
