package org.cutover.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.cutover.mailsync.SkippedFolder;
import org.cutover.mailsync.SkippedItem;
import org.cutover.mailsync.SyncStatistics;

/** Prints one line per mailbox pair, a total, and below it what each mailbox left out and why. */
final class ResultTable {

  /** Skipped messages listed per mailbox; the rest are counted. */
  private static final int ITEMS_LISTED = 20;

  private ResultTable() {}

  /** Widths of the right-aligned columns after the mailbox and its result. */
  private static final int[] NUMBER_WIDTHS = {7, 8, 8, 9, 7, 7, 7, 8, 7, 8};

  /**
   * Prints the table. Columns are padded here rather than with {@code printf}: the formatter's
   * start-up costs more than a short run's whole table.
   */
  static void print(List<MailboxResult> results, Duration elapsed, PrintStream out) {
    int width = Math.max(7, results.stream().mapToInt(r -> r.label().length()).max().orElse(0));
    row(
        out,
        width,
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
        "seconds");
    long folders = 0;
    long copied = 0;
    long altered = 0;
    long bytes = 0;
    long flags = 0;
    long matched = 0;
    long skipped = 0;
    long rejected = 0;
    long deleted = 0;
    for (MailboxResult result : results) {
      SyncStatistics s = result.statistics();
      row(
          out,
          width,
          result.label(),
          result.status(),
          Long.toString(s.foldersSynced()),
          Long.toString(s.messagesCopied()),
          Long.toString(s.messagesAltered()),
          megabytes(s.bytesCopied()),
          Long.toString(s.flagsUpdated()),
          Long.toString(s.messagesMatched()),
          Long.toString(s.messagesSkipped()),
          Long.toString(s.messagesRejected()),
          Long.toString(s.deletedOnTarget()),
          seconds(s.elapsed()));
      folders += s.foldersSynced();
      copied += s.messagesCopied();
      altered += s.messagesAltered();
      bytes += s.bytesCopied();
      flags += s.flagsUpdated();
      matched += s.messagesMatched();
      skipped += s.messagesSkipped();
      rejected += s.messagesRejected();
      deleted += s.deletedOnTarget();
    }
    long complete = results.stream().filter(MailboxResult::complete).count();
    row(
        out,
        width,
        "total",
        complete + "/" + results.size() + " synced",
        Long.toString(folders),
        Long.toString(copied),
        Long.toString(altered),
        megabytes(bytes),
        Long.toString(flags),
        Long.toString(matched),
        Long.toString(skipped),
        Long.toString(rejected),
        Long.toString(deleted),
        seconds(elapsed));
    for (MailboxResult result : results) {
      details(result, out);
    }
  }

  /** The label left-aligned in {@code width}, the result in 13, the numbers right-aligned. */
  private static void row(
      PrintStream out, int width, String label, String result, String... numbers) {
    StringBuilder line = new StringBuilder(120);
    padded(line, label, width, false).append("  ");
    padded(line, result, 13, false);
    for (int i = 0; i < numbers.length; i++) {
      padded(line.append(' '), numbers[i], NUMBER_WIDTHS[i], true);
    }
    out.println(line);
  }

  private static StringBuilder padded(
      StringBuilder line, String text, int width, boolean rightAligned) {
    if (!rightAligned) {
      line.append(text);
    }
    for (int fill = width - text.length(); fill > 0; fill--) {
      line.append(' ');
    }
    return rightAligned ? line.append(text) : line;
  }

  private static void details(MailboxResult result, PrintStream out) {
    if (result.problem() == null
        && result.skippedItems().isEmpty()
        && result.skippedFolders().isEmpty()
        && result.notes().isEmpty()) {
      return;
    }
    out.println();
    out.println(result.label() + ":");
    if (result.problem() != null) {
      out.println("  " + result.status() + ": " + result.problem());
    }
    for (SkippedFolder folder : result.skippedFolders()) {
      out.println("  folder not copied: " + folder.folder() + " (" + folder.reason() + ")");
    }
    List<SkippedItem> items = result.skippedItems();
    for (SkippedItem item : items.subList(0, Math.min(ITEMS_LISTED, items.size()))) {
      out.println(
          "  message not copied: "
              + item.folder()
              + " UID "
              + item.sourceUid()
              + ", "
              + item.size()
              + " bytes, "
              + item.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " ("
              + item.detail()
              + ")");
    }
    if (items.size() > ITEMS_LISTED) {
      out.println("  ... and " + (items.size() - ITEMS_LISTED) + " more messages not copied");
    }
    for (String note : result.notes()) {
      out.println("  note: " + note);
    }
  }

  /** Megabytes (10^6 bytes) with one decimal, halves rounded up. */
  static String megabytes(long bytes) {
    return decimal((bytes + 50_000) / 100_000, 1);
  }

  /** Seconds with two decimals, halves rounded up. */
  static String seconds(Duration elapsed) {
    return decimal((elapsed.toNanos() + 5_000_000) / 10_000_000, 2);
  }

  /** {@code units} (not negative) as a number with that many decimals. */
  private static String decimal(long units, int decimals) {
    String digits = Long.toString(units);
    if (digits.length() <= decimals) {
      digits = "0".repeat(decimals + 1 - digits.length()) + digits;
    }
    int point = digits.length() - decimals;
    return digits.substring(0, point) + "." + digits.substring(point);
  }
}
