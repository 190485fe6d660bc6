package org.cutover.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.cutover.WorkerRolePart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This process's worker id, fixed for its lifetime: {@code cutover.worker.id}, else the host name
 * with a random suffix (a restarted worker is another worker: its old locks are not its own).
 */
@WorkerRolePart
@Component
class WorkerIdentity {

  private final String id;

  WorkerIdentity(@Value("${cutover.worker.id:}") String configured) {
    this.id =
        configured.isBlank()
            ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)
            : configured;
  }

  String id() {
    return id;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "cutover";
    }
  }
}
