package org.cutover.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's three in-process mail servers: the IMAP source, the IMAP target (both with every demo
 * user, whose password is the demo access token) and the SMTP server letters go to, which keeps
 * every message it receives.
 *
 * <p>GreenMail offers no AUTHENTICATE PLAIN, so no delegated admin login (SASL PLAIN with an
 * authorization identity) is possible there. It does offer XOAUTH2 and checks the token against the
 * user's password: with the same demo token as every user's password, one token opens every
 * mailbox, as an application token does at Microsoft 365. The demo migration therefore signs in
 * with XOAUTH2 on both sides, and a wrong token is refused.
 */
public final class DemoMailServers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DemoMailServers.class);

  private final DemoProperties properties;
  private final GreenMail source;
  private final GreenMail target;
  private final GreenMail letters;

  DemoMailServers(DemoProperties properties) {
    this.properties = properties;
    GreenMailConfiguration checkedLogins = GreenMailConfiguration.aConfig();
    this.source =
        new GreenMail(new ServerSetup(properties.sourceImapPort(), properties.address(), "imap"))
            .withConfiguration(checkedLogins);
    this.target =
        new GreenMail(new ServerSetup(properties.targetImapPort(), properties.address(), "imap"))
            .withConfiguration(checkedLogins);
    this.letters =
        new GreenMail(new ServerSetup(properties.smtpPort(), properties.address(), "smtp"));
  }

  /** Starts the servers and creates every demo user on source and target. */
  void start() {
    for (GreenMail server : List.of(source, target, letters)) {
      server.start();
    }
    for (String address : properties.addresses()) {
      source.setUser(address, address, properties.accessToken());
      target.setUser(address, address, properties.accessToken());
    }
    log.info(
        "Demo mail servers on {}: IMAP source port {}, IMAP target port {}, SMTP port {}, users {}",
        properties.address(),
        properties.sourceImapPort(),
        properties.targetImapPort(),
        properties.smtpPort(),
        properties.addresses());
  }

  /** Every message the demo SMTP server has received, oldest first. */
  List<MimeMessage> receivedLetters() {
    return List.of(letters.getReceivedMessages());
  }

  DemoProperties properties() {
    return properties;
  }

  @Override
  public void close() {
    for (GreenMail server : List.of(letters, target, source)) {
      server.stop();
    }
  }
}
