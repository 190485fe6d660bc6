package org.cutover.migration;

import java.util.Locale;

/**
 * A mail server a pass talks to, as the cluster counts it.
 *
 * @param key {@code host:port} in lower case: the same server whichever migration names it
 * @param limit the mailboxes that may sync against it at once on all nodes together; 0 for a server
 *     Cutover sets no limit for (Exchange Online as target, which throttles by itself)
 */
record PassServer(String key, int limit) {

  static String key(String host, int port) {
    return host.trim().toLowerCase(Locale.ROOT) + ":" + port;
  }
}
