package org.cutover.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.mxproof.MxProofReport;
import org.cutover.mxproof.MxProofs;
import org.cutover.mxproof.RecipientAnswer;
import org.cutover.mxproof.RecipientAnswer.Verdict;

/**
 * The proof at the new MX for process tests: every address is accepted except those a test puts in
 * {@link #refused}; the administrator "fixes the target" by emptying it. Records each call.
 */
final class ScriptedMxProofs implements MxProofs {

  static final String MX = "contoso-com.mail.protection.outlook.com:25";

  final List<String> addresses = new ArrayList<>(List.of("m-1@contoso.com"));
  final List<String> refused = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  private MxProofReport last;

  @Override
  public MxProofReport prove(String migrationId) {
    calls.add("prove");
    List<String> all = new ArrayList<>(addresses);
    refused.stream().filter(a -> !all.contains(a)).forEach(all::add);
    List<RecipientAnswer> answers =
        all.stream()
            .map(
                address ->
                    refused.contains(address)
                        ? new RecipientAnswer(
                            address,
                            Verdict.REFUSED,
                            "550 5.4.1 Recipient address rejected: Access denied")
                        : new RecipientAnswer(address, Verdict.ACCEPTED, "250 2.1.5 Recipient OK"))
            .toList();
    last = new MxProofReport(MX, EngineClock.now(), answers, null, null, List.of());
    return last;
  }

  @Override
  public MxProofReport acceptWouldBounce(String migrationId, String acceptedBy) {
    List<String> wouldBounce = last.wouldBounce().stream().map(RecipientAnswer::address).toList();
    calls.add("accept " + acceptedBy + " " + String.join(",", wouldBounce));
    last =
        new MxProofReport(
            last.mailExchanger(), last.provedAt(), last.answers(), acceptedBy, now(), wouldBounce);
    return last;
  }

  @Override
  public Optional<MxProofReport> of(String migrationId) {
    return Optional.ofNullable(last);
  }

  private static Instant now() {
    return EngineClock.now();
  }
}
