package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Mail sessions are shared by identical settings only, and only so many are kept. */
class MailSessionsTest {

  private static Properties settings(String host, String authorizationId) {
    Properties p = new Properties();
    p.setProperty("mail.imap.host", host);
    p.setProperty("mail.imap.port", "993");
    if (authorizationId != null) {
      p.setProperty("mail.imap.sasl.authorizationid", authorizationId);
    }
    return p;
  }

  @Test
  void sharesOneSessionAmongIdenticalSettings() {
    MailSessions sessions = new MailSessions();

    Session first = sessions.forSettings(settings("imap.contoso.test", null));
    Session second = sessions.forSettings(settings("imap.contoso.test", null));

    assertThat(second).isSameAs(first);
    assertThat(sessions.size()).isOne();
  }

  @Test
  void givesEachDifferentSettingItsOwnSession() {
    MailSessions sessions = new MailSessions();

    Session anna = sessions.forSettings(settings("imap.contoso.test", "anna"));
    Session bo = sessions.forSettings(settings("imap.contoso.test", "bo"));
    Session otherHost = sessions.forSettings(settings("imap.fabrikam.test", "anna"));

    assertThat(bo).isNotSameAs(anna);
    assertThat(otherHost).isNotSameAs(anna);
    assertThat(anna.getProperty("mail.imap.sasl.authorizationid")).isEqualTo("anna");
    assertThat(bo.getProperty("mail.imap.sasl.authorizationid")).isEqualTo("bo");
  }

  @Test
  void keepsTheSessionsUsedLastUpToItsLimit() {
    MailSessions sessions = new MailSessions(2);
    Session anna = sessions.forSettings(settings("imap.contoso.test", "anna"));
    Session bo = sessions.forSettings(settings("imap.contoso.test", "bo"));
    assertThat(sessions.forSettings(settings("imap.contoso.test", "anna"))).isSameAs(anna);

    for (int i = 0; i < 100; i++) {
      sessions.forSettings(settings("imap.contoso.test", "user" + i));
    }
    sessions.forSettings(settings("imap.contoso.test", "bo"));

    assertThat(sessions.size()).isEqualTo(2);
    assertThat(sessions.forSettings(settings("imap.contoso.test", "bo")))
        .as("dropped, then made again")
        .isNotSameAs(bo);
  }

  @Test
  void aSessionDoesNotChangeWithTheSettingsItWasMadeFrom() {
    MailSessions sessions = new MailSessions();
    Properties p = settings("imap.contoso.test", null);
    Session session = sessions.forSettings(p);

    p.setProperty("mail.imap.host", "imap.fabrikam.test");

    assertThat(session.getProperty("mail.imap.host")).isEqualTo("imap.contoso.test");
    assertThat(sessions.forSettings(p)).isNotSameAs(session);
  }
}
