package org.cutover.mailsync;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/** Angus Mail's IMAP store whose connections are {@link SyncProtocol}s. */
class SyncStore extends IMAPStore {

  SyncStore(Session session, String host, int port) {
    super(session, new URLName("imap", host, port, null, null, null));
  }

  @Override
  protected IMAPProtocol newIMAPProtocol(String host, int port)
      throws IOException, ProtocolException {
    return new SyncProtocol(name, host, port, session.getProperties(), isSSL, logger);
  }
}
