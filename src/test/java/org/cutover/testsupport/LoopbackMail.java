package org.cutover.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail servers for tests, on 127.0.0.1 and a free port, not yet started. */
public final class LoopbackMail {

  private LoopbackMail() {}

  /** An IMAP server. */
  public static GreenMail imap() {
    return on(ServerSetup.PROTOCOL_IMAP);
  }

  /** An SMTP server; {@code ServerSetup.PROTOCOL_SMTPS} for one with implicit TLS. */
  public static GreenMail smtp(String protocol) {
    return on(protocol);
  }

  private static GreenMail on(String protocol) {
    return new GreenMail(new ServerSetup(FreePort.pick(), "127.0.0.1", protocol));
  }
}
