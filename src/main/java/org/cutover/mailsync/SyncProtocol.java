package org.cutover.mailsync;

import java.io.IOException;
import java.util.Properties;
import java.util.function.Supplier;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * Angus Mail's IMAP protocol, able to read responses into arrays the engine supplies, so that
 * message bodies land in reusable {@link MessageBuffers} instead of fresh arrays. Used by one
 * thread at a time, like every IMAP connection of the engine.
 */
final class SyncProtocol extends IMAPProtocol {

  private Supplier<ByteArray> buffers;

  SyncProtocol(
      String name, String host, int port, Properties props, boolean isSSL, MailLogger logger)
      throws IOException, ProtocolException {
    super(name, host, port, props, isSSL, logger);
  }

  /** Reads the next responses into what {@code next} gives, until called with null. */
  void readInto(Supplier<ByteArray> next) {
    this.buffers = next;
  }

  @Override
  protected ByteArray getResponseBuffer() {
    ByteArray own = super.getResponseBuffer();
    if (own != null || buffers == null) {
      return own;
    }
    return buffers.get();
  }
}
