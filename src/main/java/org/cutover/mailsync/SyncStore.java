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
 * with other stores; the TLS socket factory, which records this store's handshakes, is its own.
 */
class SyncStore extends IMAPStore {

  private final SSLSocketFactory sockets;

  /**
   * @param sockets the TLS socket factory of this store's connections, null for plaintext
   */
  SyncStore(Session session, String host, int port, SSLSocketFactory sockets) {
    super(session, new URLName("imap", host, port, null, null, null));
    this.sockets = sockets;
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
    return new SyncProtocol(name, host, port, settings, isSSL, logger);
  }
}
