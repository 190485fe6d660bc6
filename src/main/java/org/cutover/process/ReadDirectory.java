package org.cutover.process;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.cutover.migration.recipients.DiscoveryRefused;
import org.cutover.migration.recipients.DiscoveryReview;
import org.cutover.migration.recipients.ReviewText;
import org.springframework.stereotype.Component;

/**
 * "Read the directory" of {@value #PROCESS_KEY}, started from Tasklist: reads the directory the
 * start form names in the start's own transaction, so that a wrong setting or a refusing directory
 * refuses the start with the reason and nothing is stored. The reading account's password is never
 * a variable: the form names it by the id of a stored credential.
 *
 * <p>Variables: from the form {@code domain}, {@code directoryUrl}, {@code bindDn}, {@code
 * bindCredentialId}, {@code baseDn}, {@code filter}, {@code allowPlaintext}, {@code language} (en,
 * da); set here {@code discoveryId}, and for the review task {@code proposedMailboxes}, {@code
 * proposedCount}, {@code excludedRecipients}, {@code excludedCount}, {@code directoryGroups} (text,
 * one recipient a line, in the form's language).
 */
@Component("readDirectory")
class ReadDirectory implements JavaDelegate {

  static final String PROCESS_KEY = "cutover-discovery";

  private final DiscoveryReview review;

  ReadDirectory(DiscoveryReview review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String discoveryId;
    try {
      discoveryId =
          review.discover(
              new DiscoveryReview.Request(
                  text(execution, "domain"),
                  text(execution, "directoryUrl"),
                  text(execution, "bindDn"),
                  text(execution, "bindCredentialId"),
                  text(execution, "baseDn"),
                  text(execution, "filter"),
                  Boolean.TRUE.equals(execution.getVariable("allowPlaintext"))));
    } catch (DiscoveryRefused refused) {
      throw new FormFieldValidationException(null, refused.getMessage());
    }
    Locale language =
        "da".equals(text(execution, "language")) ? Locale.forLanguageTag("da") : Locale.ENGLISH;
    ReviewText text = review.text(discoveryId, language);
    execution.setVariable("discoveryId", discoveryId);
    execution.setProcessBusinessKey(discoveryId);
    execution.setVariable("proposedMailboxes", text.proposed());
    execution.setVariable("proposedCount", text.proposedCount());
    execution.setVariable("excludedRecipients", text.excluded());
    execution.setVariable("excludedCount", text.excludedCount());
    execution.setVariable("directoryGroups", text.groups());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
