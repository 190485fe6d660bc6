package org.cutover.process;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync worker of this node ({@code cutover.worker.*}).
 *
 * @param enabled whether this node syncs mailboxes at all
 * @param maxConcurrentMailboxes mailboxes this node syncs at once, each on its own thread and
 *     connections; it never locks more tasks than it can start
 * @param engineRestUrl a node's engine REST API ({@code http://node:8080/engine-rest}) for a worker
 *     without an engine of its own; empty: the engine of this process
 * @param user the worker account that signs in to {@code engineRestUrl}
 * @param password its password (every node and worker must have the same)
 * @param headers extra headers sent with every request to {@code engineRestUrl}
 * @param pollInterval wait after finding no task in this process's engine
 * @param longPoll how long a fetch at {@code engineRestUrl} waits at the server for a task. The
 *     server wakes a waiting fetch only for a task created in its own process: a task created by
 *     another node, or handed back when a dead node's lock ran out, is seen only when the wait
 *     ends, while every node's own worker looks again each {@code pollInterval}. A wait as short as
 *     that keeps a remote worker in the race for those tasks.
 */
@ConfigurationProperties("cutover.worker")
public record SyncWorkerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("8") int maxConcurrentMailboxes,
    URI engineRestUrl,
    @DefaultValue("cutoverworker") String user,
    String password,
    Map<String, String> headers,
    @DefaultValue("PT1S") Duration pollInterval,
    @DefaultValue("PT1S") Duration longPoll) {

  public SyncWorkerProperties {
    if (maxConcurrentMailboxes < 1) {
      throw new IllegalArgumentException(
          "cutover.worker.max-concurrent-mailboxes must be at least 1, not "
              + maxConcurrentMailboxes);
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  boolean remote() {
    return engineRestUrl != null && !engineRestUrl.toString().isBlank();
  }
}
