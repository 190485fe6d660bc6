package org.cutover.mailsync;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Angus Mail's IMAP store whose connections are {@link SyncProtocol}s. Its session may be shared
 * with other stores; the TLS socket factory, which records this store's handshakes, and the mailbox
 * a delegated login acts for are its own.
 */
class SyncStore extends IMAPStore {

  private final SSLSocketFactory sockets;
  private final String authorizationId;

  /**
   * @param sockets the TLS socket factory of this store's connections, null for plaintext
   */
  SyncStore(Session session, String host, int port, SSLSocketFactory sockets) {
    this(session, host, port, sockets, null);
  }

  /**
   * @param sockets the TLS socket factory of this store's connections, null for plaintext
   * @param authorizationId the mailbox a delegated login acts for, null for the login's own
   */
  SyncStore(
      Session session, String host, int port, SSLSocketFactory sockets, String authorizationId) {
    super(session, new URLName("imap", host, port, null, null, null));
    this.sockets = sockets;
    this.authorizationId = authorizationId;
  }

  @Override
  protected IMAPProtocol newIMAPProtocol(String host, int port)
      throws IOException, ProtocolException {
    Properties settings = session.getProperties();
    if (sockets != null) {
      Properties own = new Properties();
      own.putAll(settings);
      own.put("mail." + name + ".ssl.socketFactory", sockets);
      settings = own;
    }
    SyncProtocol protocol = new SyncProtocol(name, host, port, settings, isSSL, logger);
    protocol.authorizeAs(authorizationId);
    return protocol;
  }
}
