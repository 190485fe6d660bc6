package org.cutover.mailsync;

import jakarta.mail.Session;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * An IMAP store for delegated logins that refuses servers without SASL PLAIN. The mail library
 * would otherwise fall back to a plain LOGIN as the admin, and the sync would then read or write
 * the admin's own mailbox instead of the user's, without any error.
 */
final class DelegatedLoginStore extends SyncStore {

  private volatile boolean plainMissing;

  DelegatedLoginStore(
      Session session, String host, int port, SSLSocketFactory sockets, String mailboxUser) {
    super(session, host, port, sockets, mailboxUser);
  }

  @Override
  protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
    super.preLogin(protocol);
    if (!protocol.hasCapability("AUTH=PLAIN")) {
      plainMissing = true;
      throw new ProtocolException("the server does not offer AUTH=PLAIN");
    }
  }

  /** True when the login was refused here because the server lacks SASL PLAIN. */
  boolean plainMissing() {
    return plainMissing;
  }
}
