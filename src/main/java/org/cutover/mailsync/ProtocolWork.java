package org.cutover.mailsync;

import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/** Work done on one authenticated IMAP connection. */
@FunctionalInterface
interface ProtocolWork<T> {
  T run(IMAPProtocol protocol) throws ProtocolException;
}
