package org.cutover.cli;

import java.io.PrintStream;
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

  static void print(List<MailboxResult> results, double seconds, PrintStream out) {
    int width = Math.max(7, results.stream().mapToInt(r -> r.label().length()).max().orElse(0));
    String row = "%-" + width + "s  %-13s %7s %8s %9s %7s %7s %7s %8s %7s %8s%n";
    out.printf(
        Locale.ROOT,
        row,
        "mailbox",
        "result",
        "folders",
        "copied",
        "MB",
        "flags",
        "matched",
        "skipped",
        "rejected",
        "deleted",
        "seconds");
    long folders = 0;
    long copied = 0;
    long bytes = 0;
    long flags = 0;
    long matched = 0;
    long skipped = 0;
    long rejected = 0;
    long deleted = 0;
    for (MailboxResult result : results) {
      SyncStatistics s = result.statistics();
      out.printf(
          Locale.ROOT,
          row,
          result.label(),
          result.status(),
          s.foldersSynced(),
          s.messagesCopied(),
          megabytes(s.bytesCopied()),
          s.flagsUpdated(),
          s.messagesMatched(),
          s.messagesSkipped(),
          s.messagesRejected(),
          s.deletedOnTarget(),
          String.format(Locale.ROOT, "%.2f", s.elapsed().toMillis() / 1000.0));
      folders += s.foldersSynced();
      copied += s.messagesCopied();
      bytes += s.bytesCopied();
      flags += s.flagsUpdated();
      matched += s.messagesMatched();
      skipped += s.messagesSkipped();
      rejected += s.messagesRejected();
      deleted += s.deletedOnTarget();
    }
    long complete = results.stream().filter(MailboxResult::complete).count();
    out.printf(
        Locale.ROOT,
        row,
        "total",
        complete + "/" + results.size() + " synced",
        folders,
        copied,
        megabytes(bytes),
        flags,
        matched,
        skipped,
        rejected,
        deleted,
        String.format(Locale.ROOT, "%.2f", seconds));
    for (MailboxResult result : results) {
      details(result, out);
    }
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

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }
}
