package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A port that answers with another protocol's greeting is named as not an IMAP server. */
class NotAnImapServerTest {

  private ServerSocket smtp;
  private Thread greeter;

  @BeforeEach
  void start() throws IOException {
    smtp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    greeter =
        new Thread(
            () -> {
              while (!smtp.isClosed()) {
                try (Socket s = smtp.accept()) {
                  OutputStream out = s.getOutputStream();
                  out.write(
                      "220 mail.contoso.test ESMTP Postfix (Debian/GNU)\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  s.getInputStream().read(new byte[256]);
                  out.write("502 5.5.2 Error: command not recognized\r\n".getBytes());
                  out.flush();
                } catch (IOException closed) {
                  // the test is over, or the client went away
                }
              }
            });
    greeter.setDaemon(true);
    greeter.start();
  }

  @AfterEach
  void stop() throws Exception {
    smtp.close();
    greeter.join(5_000);
  }

  @Test
  void saysThatAnSmtpServerIsNotAnImapServer() {
    SourceAccount account =
        new SourceAccount(
            ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", smtp.getLocalPort()),
            ImapLogin.password("anna", () -> "pass".toCharArray()));

    ImapFailure f =
        catchThrowableOfType(() -> new ImapConnector().open(account, "source"), ImapFailure.class);

    assertThat(f.problem()).isEqualTo(EndpointProblem.NOT_IMAP);
    assertThat(f.retryable()).isFalse();
    assertThat(f.getMessage())
        .contains("127.0.0.1:" + smtp.getLocalPort())
        .contains("not an IMAP server")
        .contains("220 mail.contoso.test ESMTP Postfix")
        .doesNotContain("retried");
  }
}
