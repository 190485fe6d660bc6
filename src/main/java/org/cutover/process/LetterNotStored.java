package org.cutover.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What the administrator entered in a letter's task cannot be stored: the submission is refused and
 * the message, which names each broken rule in English and Danish, is what Tasklist shows. A form
 * validation error, so that the engine's REST API answers a refused form with 400 and this message
 * ({@link TaskFormReceiver}).
 */
class LetterNotStored extends FormFieldValidationException {

  LetterNotStored(String message) {
    super(null, message);
  }
}
