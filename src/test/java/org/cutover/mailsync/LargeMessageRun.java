package org.cutover.mailsync;

import java.nio.file.Path;

/**
 * Syncs one mailbox in its own JVM (started with a small heap by {@code MailboxSynchronizerIT}) and
 * prints the outcome; exits 0 when the pass synced.
 *
 * <p>Arguments: source port, target port, user, spool directory.
 */
final class LargeMessageRun {

  private LargeMessageRun() {}

  public static void main(String[] args) {
    int srcPort = Integer.parseInt(args[0]);
    int dstPort = Integer.parseInt(args[1]);
    String user = args[2];
    SecretSupplier pw = () -> ("pass-" + user).toCharArray();
    SourceAccount src =
        new SourceAccount(
            ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", srcPort),
            ImapLogin.password(user, pw));
    TargetAccount dst =
        new TargetAccount(
            ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", dstPort),
            ImapLogin.password(user, pw));
    SyncOptions options =
        SyncOptions.defaults().toBuilder().largeMessages(8L << 20, Path.of(args[3])).build();
    SyncOutcome outcome =
        new MailboxSynchronizer(new EndpointGate(), 32L << 20)
            .sync(user, src, dst, options, new InMemorySyncStateStore(), SyncProgressListener.NONE);
    System.out.println("outcome: " + outcome);
    System.out.println("max heap: " + Runtime.getRuntime().maxMemory());
    System.exit(outcome instanceof SyncOutcome.Synced ? 0 : 1);
  }
}
