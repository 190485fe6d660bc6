package org.cutover.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The licence given when a licence task was completed is not one it offered: the completion is
 * refused, and Tasklist shows the message.
 */
class LicenceNotChosen extends ProcessEngineException {

  LicenceNotChosen(String message) {
    super(message);
  }
}
