package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.cutover.mailsync.SyncOutcome;
import org.cutover.mailsync.SyncStatistics;
import org.junit.jupiter.api.Test;

/** The result table: fixed columns, rounded figures. */
class ResultTableTest {

  /** The columns as a format string would lay them out. */
  private static String row(int width, Object... cells) {
    return String.format(
        Locale.ROOT, "%-" + width + "s  %-13s %7s %8s %8s %9s %7s %7s %7s %8s %7s %8s%n", cells);
  }

  @Test
  void alignsTheColumnsUnderTheHeadings() {
    SyncStatistics anna =
        new SyncStatistics(18, 1234, 1_387_654_321L, 3, 2, 1, 5, 6, 4, Duration.ofMillis(10_145));
    SyncStatistics bo = new SyncStatistics(1, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ofMillis(4));
    List<MailboxResult> results =
        List.of(
            new MailboxResult(
                "anna@contoso.test -> anna@fabrikam.test",
                new SyncOutcome.Synced(anna, List.of(), List.of(), List.of())),
            new MailboxResult(
                "bo -> bo", new SyncOutcome.NeedsAdministrator(bo, "wrong password", List.of())));

    String table = print(results, Duration.ofNanos(10_234_999_999L));

    int w = "anna@contoso.test -> anna@fabrikam.test".length();
    assertThat(table)
        .startsWith(
            row(
                    w,
                    "mailbox",
                    "result",
                    "folders",
                    "copied",
                    "altered",
                    "MB",
                    "flags",
                    "matched",
                    "skipped",
                    "rejected",
                    "deleted",
                    "seconds")
                + row(
                    w,
                    "anna@contoso.test -> anna@fabrikam.test",
                    "synced",
                    18,
                    1234,
                    6,
                    "1387.7",
                    3,
                    5,
                    2,
                    1,
                    4,
                    "10.15")
                + row(w, "bo -> bo", "needs admin", 1, 0, 0, "0.0", 0, 0, 0, 0, 0, "0.00")
                + row(w, "total", "1/2 synced", 19, 1234, 6, "1387.7", 3, 5, 2, 1, 4, "10.23"))
        .contains("bo -> bo:" + System.lineSeparator() + "  needs admin: wrong password");
  }

  @Test
  void keepsAMinimumLabelWidth() {
    String table =
        print(
            List.of(
                new MailboxResult(
                    "a",
                    new SyncOutcome.Synced(
                        SyncStatistics.none(), List.of(), List.of(), List.of()))),
            Duration.ZERO);

    assertThat(table.lines().findFirst().orElseThrow()).startsWith("mailbox  result ");
    assertThat(table).contains(row(7, "a", "synced", 0, 0, 0, "0.0", 0, 0, 0, 0, 0, "0.00"));
  }

  @Test
  void roundsHalvesUp() {
    assertThat(ResultTable.megabytes(0)).isEqualTo("0.0");
    assertThat(ResultTable.megabytes(49_999)).isEqualTo("0.0");
    assertThat(ResultTable.megabytes(50_000)).isEqualTo("0.1");
    assertThat(ResultTable.megabytes(12_345_678_901L)).isEqualTo("12345.7");
    assertThat(ResultTable.seconds(Duration.ofMillis(5))).isEqualTo("0.01");
    assertThat(ResultTable.seconds(Duration.ofNanos(4_999_999))).isEqualTo("0.00");
    assertThat(ResultTable.seconds(Duration.ofMillis(145))).isEqualTo("0.15");
    assertThat(ResultTable.seconds(Duration.ofMinutes(90))).isEqualTo("5400.00");
  }

  @Test
  void roundsAsTheFormatterDid() {
    for (long bytes = 0; bytes < 3_000_000; bytes += 49_999) {
      assertThat(ResultTable.megabytes(bytes))
          .isEqualTo(String.format(Locale.ROOT, "%.1f", bytes / 1e6));
    }
    for (long millis = 0; millis < 20_000; millis += 7) {
      assertThat(ResultTable.seconds(Duration.ofMillis(millis)))
          .isEqualTo(String.format(Locale.ROOT, "%.2f", millis / 1000.0));
    }
  }

  private static String print(List<MailboxResult> results, Duration elapsed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultTable.print(results, elapsed, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
