package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire for XOAUTH2 and delegated SASL PLAIN logins, checked on a scripted
 * server.
 */
class SaslLoginTest {

  private static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  @Test
  void logsInWithXoauth2UsingATokenFromTheSupplier() throws Exception {
    List<String> askedFor = new CopyOnWriteArrayList<>();
    try (ScriptedImapServer server =
        new ScriptedImapServer(
            "IMAP4rev1 SASL-IR AUTH=XOAUTH2",
            (mech, initial) ->
                mech.equals("XOAUTH2")
                    && decode(initial)
                        .equals("user=anna@contoso.com\u0001auth=Bearer tok-123\u0001\u0001"))) {
      MailAccount account =
          new TargetAccount(
              ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.port()),
              ImapLogin.oauth2(
                  "anna@contoso.com",
                  user -> {
                    askedFor.add(user);
                    return "tok-123";
                  }));

      EndpointCheck check = new EndpointTester().test(account);

      assertThat(check).as(check.toString()).isInstanceOf(EndpointCheck.Passed.class);
      assertThat(((EndpointCheck.Passed) check).messagesInInbox()).isEqualTo(3);
      assertThat(askedFor).containsExactly("anna@contoso.com");
      assertThat(server.received).noneMatch(l -> l.contains("tok-123"));
    }
  }

  @Test
  void saysSoWhenNoTokenCanBeHad() throws Exception {
    try (ScriptedImapServer server =
        new ScriptedImapServer("IMAP4rev1 AUTH=XOAUTH2", (m, i) -> true)) {
      MailAccount account =
          new TargetAccount(
              ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.port()),
              ImapLogin.oauth2(
                  "anna@contoso.com",
                  user -> {
                    throw new IllegalStateException("the token endpoint answered 401 for the app");
                  }));

      EndpointCheck check = new EndpointTester().test(account);

      assertThat(check).isInstanceOf(EndpointCheck.Failed.class);
      EndpointCheck.Failed f = (EndpointCheck.Failed) check;
      assertThat(f.problem()).isEqualTo(EndpointProblem.TOKEN_UNAVAILABLE);
      assertThat(f.message()).contains("anna@contoso.com", "401");
    }
  }

  @Test
  void refusedXoauth2LoginNamesTheUserAndTheScope() throws Exception {
    try (ScriptedImapServer server =
        new ScriptedImapServer("IMAP4rev1 SASL-IR AUTH=XOAUTH2", (m, i) -> false)) {
      MailAccount account =
          new TargetAccount(
              ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.port()),
              ImapLogin.oauth2("anna@contoso.com", user -> "expired"));

      EndpointCheck.Failed f = (EndpointCheck.Failed) new EndpointTester().test(account);

      assertThat(f.problem()).isEqualTo(EndpointProblem.BAD_CREDENTIALS);
      assertThat(f.message()).contains("XOAUTH2 login as 'anna@contoso.com'", "IMAP scope");
    }
  }

  @Test
  void delegatedLoginSendsTheUserAsAuthorizationAndTheAdministratorAsAuthentication()
      throws Exception {
    try (ScriptedImapServer server =
        new ScriptedImapServer(
            "IMAP4rev1 SASL-IR AUTH=PLAIN",
            (mech, initial) ->
                mech.equals("PLAIN")
                    && decode(initial).equals("user1\u0000admin\u0000admin-pass"))) {
      MailAccount account =
          new SourceAccount(
              ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.port()),
              ImapLogin.delegated("user1", "admin", () -> "admin-pass".toCharArray()));

      EndpointCheck check = new EndpointTester().test(account);

      assertThat(check).as(check.toString()).isInstanceOf(EndpointCheck.Passed.class);
    }
  }
}
