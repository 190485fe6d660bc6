package org.cutover.mailsync;

import java.util.List;

/**
 * Messages fetched from the source and ready to append, the ones that could not be fetched, and how
 * to free what they hold (memory budget, spool file) once appended.
 */
record FetchedUnit(List<OutgoingMessage> messages, List<Skip> skips, Runnable releaser) {

  /** A message not copied, found while fetching. */
  record Skip(SourceMessage message, SkippedItem.Reason reason, String detail) {}

  void release() {
    releaser.run();
  }

  /**
   * Hands one unit from the thread that fetches it to the thread that appends it. If the appending
   * side gives up first, the unit frees itself when it arrives.
   */
  static final class Handover {
    private FetchedUnit result;
    private Throwable error;
    private boolean done;
    private boolean abandoned;

    synchronized void complete(FetchedUnit f) {
      if (abandoned) {
        f.release();
        return;
      }
      result = f;
      done = true;
      notifyAll();
    }

    synchronized void fail(Throwable t) {
      error = t;
      done = true;
      notifyAll();
    }

    synchronized FetchedUnit await() throws InterruptedException {
      while (!done) {
        wait();
      }
      if (error instanceof RuntimeException r) {
        throw r;
      }
      if (error instanceof Error e) {
        throw e;
      }
      if (error instanceof InterruptedException e) {
        throw e;
      }
      return result;
    }

    /** Nobody will take the result: it frees itself when it arrives. */
    synchronized void abandon() {
      abandoned = true;
      if (result != null) {
        result.release();
        result = null;
      }
    }
  }
}
