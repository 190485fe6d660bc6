package org.cutover.migration.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

  @Test
  void mailboxReportHasMicrosoftsColumnsAndOneLinePerMailbox() {
    String csv = ReportCsv.mailboxes(ReportSamples.migration().mailboxes());

    List<String> lines = List.of(csv.split("\r\n"));
    assertThat(lines)
        .containsExactly(
            "EmailAddress,Status,ItemsSynced,ItemsSkipped,Bytes,LastSyncedTime,Error",
            "anna@contoso.dk,SyncedWithErrors,120,2,4096000,2026-03-01T10:00:00Z,\"2 messages not"
                + " copied: 1 over the size limit, 1 refused by the target\"",
            "bo@contoso.dk,Failed,0,0,0,,Login refused by the source: AUTHENTICATIONFAILED");
    assertThat(csv).endsWith("\r\n");
  }

  @Test
  void skippedListQuotesFieldsAndDefusesFormulas() {
    String csv = ReportCsv.skipped(ReportSamples.migration().mailboxes());

    List<String> lines = List.of(csv.split("\r\n"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo("EmailAddress,Folder,Uid,MessageId,Subject,Size,Date,Reason,Detail,PassStarted");
    assertThat(lines.get(1))
        .isEqualTo(
            "anna@contoso.dk,INBOX,7,<big@contoso.dk>,\"Årsrapport, \"\"endelig\"\""
                + " <b>version</b>\",8000000,2026-02-28T10:00:00Z,TOO_LARGE,\"8000000 bytes, over"
                + " the limit of 5242880\",2026-03-01T10:00:00Z");
    assertThat(lines.get(2))
        .startsWith("anna@contoso.dk,INBOX,9,<refused@contoso.dk>,'=cmd|' /C calc'!A0,1000000,,")
        .contains("REJECTED_BY_TARGET,NO [LIMIT] Mail too large");
  }

  @Test
  void quotesLineBreaks() {
    assertThat(ReportCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(ReportCsv.field("-12")).isEqualTo("-12");
    assertThat(ReportCsv.field("plain")).isEqualTo("plain");
  }
}
