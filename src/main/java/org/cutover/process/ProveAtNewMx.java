package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.MX_PROOF_HOST;
import static org.cutover.process.ProcessVariables.WOULD_BOUNCE;
import static org.cutover.process.ProcessVariables.WOULD_BOUNCE_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.mxproof.MxProofReport;
import org.cutover.mxproof.MxProofs;
import org.cutover.mxproof.RecipientAnswer;
import org.springframework.stereotype.Component;

/**
 * "Prove every address at the new MX": asks the target's mail exchanger about every address the
 * domain receives mail at and sets {@code wouldBounceCount}, {@code wouldBounce} (the first
 * addresses, each with the server's answer) and {@code mxProofHost}; the model holds the swap while
 * any would bounce.
 */
@Component("proveAtNewMx")
class ProveAtNewMx extends RunbookStep {

  private final MxProofs proofs;

  ProveAtNewMx(MxProofs proofs) {
    this.proofs = proofs;
  }

  @Override
  void run(DelegateExecution execution) {
    MxProofReport report = proofs.prove(MIGRATION_ID.require(execution));
    MX_PROOF_HOST.set(execution, report.mailExchanger());
    WOULD_BOUNCE_COUNT.set(execution, report.wouldBounce().size());
    WOULD_BOUNCE.set(
        execution,
        VerifyFinalSync.listed(report.wouldBounce().stream().map(RecipientAnswer::line).toList()));
  }
}
