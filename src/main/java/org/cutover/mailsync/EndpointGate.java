package org.cutover.mailsync;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps the number of mailboxes syncing at once against each endpoint within its {@link
 * ImapEndpoint#maxConcurrentMailboxes()}. Share one gate among everything that syncs in a process.
 */
public final class EndpointGate {

  private final Map<String, Semaphore> gates = new ConcurrentHashMap<>();

  /** Entry for one mailbox pass; close it to let the next one in. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Waits until every endpoint has room for one more mailbox (each endpoint counted once, taken in
   * a fixed order so that passes never block each other in a circle).
   */
  public Permit enter(ImapEndpoint... endpoints) throws InterruptedException {
    Map<String, ImapEndpoint> distinct = new TreeMap<>();
    for (ImapEndpoint e : endpoints) {
      distinct.putIfAbsent(key(e), e);
    }
    List<Semaphore> taken = new java.util.ArrayList<>();
    try {
      for (Map.Entry<String, ImapEndpoint> e : distinct.entrySet()) {
        Semaphore s =
            gates.computeIfAbsent(
                e.getKey(), k -> new Semaphore(e.getValue().maxConcurrentMailboxes(), true));
        s.acquire();
        taken.add(s);
      }
    } catch (InterruptedException e) {
      taken.forEach(Semaphore::release);
      throw e;
    }
    java.util.concurrent.atomic.AtomicBoolean open =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    return () -> {
      if (open.getAndSet(false)) {
        taken.forEach(Semaphore::release);
      }
    };
  }

  private static String key(ImapEndpoint e) {
    return e.address().toLowerCase(java.util.Locale.ROOT) + "/" + e.maxConcurrentMailboxes();
  }
}
