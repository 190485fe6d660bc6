package org.cutover.mailsync;

import java.io.IOException;
import java.util.Properties;
import java.util.function.Supplier;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * Angus Mail's IMAP protocol, able to read responses into arrays the engine supplies, so that
 * message bodies land in reusable {@link MessageBuffers} instead of fresh arrays, and handing over
 * a FETCH response it cannot parse instead of dropping it. Used by one thread at a time, like every
 * IMAP connection of the engine.
 */
final class SyncProtocol extends IMAPProtocol {

  private volatile String authorizationId;

  private Supplier<ByteArray> buffers;

  SyncProtocol(
      String name, String host, int port, Properties props, boolean isSSL, MailLogger logger)
      throws IOException, ProtocolException {
    super(name, host, port, props, isSSL, logger);
  }

  /**
   * Logs in on behalf of {@code mailboxUser} (SASL PLAIN's authorization id) whatever the store
   * asks: set per connection, so that the delegated logins of all mailboxes of an endpoint share
   * one mail session rather than each building its own from the class path.
   */
  void authorizeAs(String mailboxUser) {
    this.authorizationId = mailboxUser;
  }

  @Override
  public synchronized void authplain(String authzid, String u, String p) throws ProtocolException {
    super.authplain(authorizationId != null ? authorizationId : authzid, u, p);
  }

  @Override
  public void sasllogin(String[] allowed, String realm, String authzid, String u, String p)
      throws ProtocolException {
    super.sasllogin(allowed, realm, authorizationId != null ? authorizationId : authzid, u, p);
  }

  /** Reads the next responses into what {@code next} gives, until called with null. */
  void readInto(Supplier<ByteArray> next) {
    this.buffers = next;
  }

  /**
   * As Angus reads responses, except that a FETCH response whose items Angus cannot parse (an
   * INTERNALDATE it cannot read, for one) comes back as the plain response: dropped, it would make
   * its message silently absent from a listing. {@link UnparsedFetch} reads it.
   */
  @Override
  public Response readResponse() throws IOException, ProtocolException {
    IMAPResponse r = new IMAPResponse(this);
    if (!r.keyEquals("FETCH")) {
      return r;
    }
    try {
      return new FetchResponse(r, getFetchItems(), this);
    } catch (ParsingException unreadable) {
      return r;
    }
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
