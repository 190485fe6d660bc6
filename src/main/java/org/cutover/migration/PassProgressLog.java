package org.cutover.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.cutover.mailsync.SyncProgress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes where each running pass stands onto its mailbox row, at most once per {@code
 * cutover.worker.progress-interval}: the REST API reads it from there on any node.
 */
@Component
class PassProgressLog {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration interval;

  PassProgressLog(
      JdbcClient jdbc,
      ObjectProvider<Clock> clock,
      @Value("${cutover.worker.progress-interval:PT3S}") Duration interval) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.interval = interval;
  }

  /** The log of one pass, its progress set back to nothing done. */
  Pass start(String mailboxId) {
    Pass pass = new Pass(mailboxId);
    pass.write(new SyncProgress(mailboxId, null, 0, 0, 0, 0, 0, 0));
    return pass;
  }

  final class Pass {
    private final String mailboxId;
    private Instant written;
    private SyncProgress latest;

    private Pass(String mailboxId) {
      this.mailboxId = mailboxId;
    }

    synchronized void progress(SyncProgress progress) {
      latest = progress;
      if (Duration.between(written, clock.instant()).compareTo(interval) >= 0) {
        write(progress);
      }
    }

    /** The last progress reported, written whatever the interval (the pass has ended). */
    synchronized void finish() {
      if (latest != null) {
        write(latest);
      }
    }

    private void write(SyncProgress p) {
      written = clock.instant();
      jdbc.sql(
              "UPDATE mailbox SET pass_folders_done = :foldersDone, pass_folders_total ="
                  + " :foldersTotal, pass_messages_copied = :messages, pass_messages_to_copy ="
                  + " :messagesToCopy, pass_bytes_copied = :bytes, pass_bytes_to_copy ="
                  + " :bytesToCopy, pass_progress_at = :at WHERE id = :id")
          .param("foldersDone", p.foldersDone())
          .param("foldersTotal", p.foldersTotal())
          .param("messages", p.messagesCopied())
          .param("messagesToCopy", Math.max(p.messagesToCopy(), p.messagesCopied()))
          .param("bytes", p.bytesCopied())
          .param("bytesToCopy", Math.max(p.bytesToCopy(), p.bytesCopied()))
          .param("at", MigrationStore.utc(written))
          .param("id", mailboxId)
          .update();
    }
  }
}
