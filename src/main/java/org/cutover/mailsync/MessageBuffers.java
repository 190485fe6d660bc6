package org.cutover.mailsync;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Reusable byte arrays for message bytes read from the source. Copying a mailbox moves its whole
 * size through memory; fresh arrays for every message would make the collector copy and free
 * gigabytes per run (and make a default JVM grow its heap far beyond what is held at any moment).
 * Arrays come in power-of-two sizes, and the arrays kept for reuse together with those handed out
 * stay within the capacity, except for one array larger than all that is free.
 */
final class MessageBuffers {

  /** Room for the response line around a message literal ({@code * n FETCH (UID u BODY[] {s}}). */
  private static final int RESPONSE_LINE_BYTES = 256;

  private static final int SMALLEST_CLASS = 12; // 4 KiB
  private static final int LARGEST_CLASS = 30; // 1 GiB

  private final long capacity;
  private final ArrayDeque<byte[]>[] free;
  private final Set<byte[]> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
  private long held;

  @SuppressWarnings("unchecked")
  MessageBuffers(long capacity) {
    this.capacity = capacity;
    this.free = new ArrayDeque[LARGEST_CLASS + 1];
    for (int c = SMALLEST_CLASS; c <= LARGEST_CLASS; c++) {
      free[c] = new ArrayDeque<>();
    }
  }

  /** The size of the array that holds a message of {@code messageBytes} with its response line. */
  static int arrayBytes(long messageBytes) {
    return 1 << sizeClass(messageBytes + RESPONSE_LINE_BYTES);
  }

  private static int sizeClass(long bytes) {
    int c = 64 - Long.numberOfLeadingZeros(Math.max(1, bytes - 1));
    return Math.min(LARGEST_CLASS, Math.max(SMALLEST_CLASS, c));
  }

  /** An array of at least {@code bytes} (a power of two), reused when one is free. */
  synchronized byte[] take(long bytes) {
    int c = sizeClass(bytes);
    byte[] reused = free[c].pollFirst();
    if (reused != null) {
      handedOut.add(reused);
      return reused;
    }
    int size = 1 << c;
    for (int other = LARGEST_CLASS; other >= SMALLEST_CLASS && held + size > capacity; other--) {
      while (!free[other].isEmpty() && held + size > capacity) {
        held -= free[other].pollFirst().length;
      }
    }
    held += size;
    byte[] fresh = new byte[size];
    handedOut.add(fresh);
    return fresh;
  }

  /**
   * Hands back an array from {@link #take}, once; any other array (one the reader grew) is left to
   * the collector.
   */
  synchronized void give(byte[] array) {
    if (!handedOut.remove(array)) {
      return;
    }
    if (held > capacity) {
      held -= array.length;
      return;
    }
    free[sizeClass(array.length)].addFirst(array);
  }

  /** Bytes in arrays handed out or kept for reuse. */
  synchronized long heldBytes() {
    return held;
  }
}
