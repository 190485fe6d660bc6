package org.cutover.mxproof;

import java.time.Instant;
import java.util.List;

/**
 * The last proof at the new MX for a migration.
 *
 * @param mailExchanger the host and port asked
 * @param provedAt when it was asked
 * @param answers one per address, in the order asked
 * @param acceptedBy who let the swap go ahead with the addresses that would bounce (null: nobody)
 * @param acceptedAt when
 * @param acceptedAddresses the addresses accepted so
 */
public record MxProofReport(
    String mailExchanger,
    Instant provedAt,
    List<RecipientAnswer> answers,
    String acceptedBy,
    Instant acceptedAt,
    List<String> acceptedAddresses) {

  public MxProofReport {
    answers = List.copyOf(answers);
    acceptedAddresses = acceptedAddresses == null ? List.of() : List.copyOf(acceptedAddresses);
  }

  /** The answers of addresses the new MX did not accept (refused or unanswered). */
  public List<RecipientAnswer> wouldBounce() {
    return answers.stream().filter(answer -> !answer.accepted()).toList();
  }

  /** Whether the swap may go: every address accepted, or the rest accepted by an administrator. */
  public boolean clearsTheSwap() {
    return wouldBounce().isEmpty()
        || (acceptedBy != null
            && acceptedAddresses.containsAll(
                wouldBounce().stream().map(RecipientAnswer::address).toList()));
  }
}
