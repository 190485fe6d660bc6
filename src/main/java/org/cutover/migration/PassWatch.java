package org.cutover.migration;

import org.cutover.mailsync.SyncProgress;

/** What a running sync pass reports to, and asks before it writes to the target. */
public interface PassWatch {

  PassWatch UNGUARDED =
      new PassWatch() {
        @Override
        public String stopReason() {
          return null;
        }
      };

  /** Why the pass must not write to the target any more (lock or lease lost), or null. */
  String stopReason();

  /** How the pass advances; called at least after every batch, from one thread at a time. */
  default void progress(SyncProgress progress) {}
}
