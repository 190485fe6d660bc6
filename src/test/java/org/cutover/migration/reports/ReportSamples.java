package org.cutover.migration.reports;

import java.time.Instant;
import java.util.List;

/** Reports as the tests need them. */
final class ReportSamples {

  static final Instant PASS = Instant.parse("2026-03-01T10:00:00Z");

  private ReportSamples() {}

  static MailboxReport withErrors() {
    return new MailboxReport(
        "anna@contoso.dk",
        "SYNCED_WITH_ERRORS",
        120,
        2,
        4_096_000,
        PASS,
        "2 messages not copied: 1 over the size limit, 1 refused by the target",
        1,
        50,
        true,
        List.of(
            new FolderReconciliation(
                "INBOX",
                "INBOX",
                122,
                120,
                120,
                2,
                9_000_000,
                120,
                4_096_000,
                "ab".repeat(32),
                PASS)),
        List.of(
            new SkippedMessage(
                "INBOX",
                7,
                "<big@contoso.dk>",
                "Årsrapport, \"endelig\" <b>version</b>",
                8_000_000,
                PASS.minusSeconds(86_400),
                "TOO_LARGE",
                "8000000 bytes, over the limit of 5242880",
                PASS),
            new SkippedMessage(
                "INBOX",
                9,
                "<refused@contoso.dk>",
                "=cmd|' /C calc'!A0",
                1_000_000,
                null,
                "REJECTED_BY_TARGET",
                "NO [LIMIT] Mail too large",
                PASS)));
  }

  static MailboxReport failed() {
    return new MailboxReport(
        "bo@contoso.dk",
        "FAILED",
        0,
        0,
        0,
        null,
        "Login refused by the source: AUTHENTICATIONFAILED",
        0,
        50,
        false,
        List.of(),
        List.of());
  }

  static MigrationReport migration() {
    return new MigrationReport(
        "m-1",
        "contoso.dk",
        "wave1",
        "COMPLETED",
        "REMOVED",
        "da",
        PASS.plusSeconds(3600),
        List.of(withErrors(), failed()));
  }
}
