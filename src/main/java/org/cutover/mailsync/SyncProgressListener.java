package org.cutover.mailsync;

/**
 * Told how a pass advances (at least after every batch), for heartbeats and dashboards. It may be
 * called from several threads of one pass, one call at a time; it should return quickly.
 */
@FunctionalInterface
public interface SyncProgressListener {

  SyncProgressListener NONE = progress -> {};

  void onProgress(SyncProgress progress);
}
