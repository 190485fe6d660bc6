package org.cutover.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What the administrator entered in a letter's task cannot be stored: the completion is refused and
 * the message, which names each broken rule, is what Tasklist shows.
 */
class LetterNotStored extends ProcessEngineException {

  LetterNotStored(String message) {
    super(message);
  }
}
