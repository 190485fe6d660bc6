package org.cutover.mailsync;

import java.util.concurrent.Semaphore;

/**
 * Bounds the message bytes held in memory by all passes of one synchronizer: a batch waits until
 * its bytes fit. Counted in KiB. The arrays the bytes are read into come from its {@link
 * MessageBuffers}, which may keep as much again in free arrays: without that room, the arrays in
 * use would crowd out the ones kept and hardly any would be reused.
 */
final class ByteBudget {

  private final Semaphore kib;
  private final int maxKib;
  private final MessageBuffers buffers;

  ByteBudget(long bytes) {
    this.maxKib = (int) Math.max(1024, Math.min(Integer.MAX_VALUE, bytes / 1024));
    this.kib = new Semaphore(maxKib, true);
    this.buffers = new MessageBuffers(2L * maxKib * 1024);
  }

  MessageBuffers buffers() {
    return buffers;
  }

  /** Blocks until {@code bytes} fit; returns the units to hand back to {@link #release}. */
  int acquire(long bytes) throws InterruptedException {
    int units = (int) Math.min(maxKib, Math.max(1, (bytes + 1023) / 1024));
    kib.acquire(units);
    return units;
  }

  void release(int units) {
    kib.release(units);
  }

  long capacityBytes() {
    return (long) maxKib * 1024;
  }
}
