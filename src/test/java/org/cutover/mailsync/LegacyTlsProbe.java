package org.cutover.mailsync;

import java.nio.file.Path;

/**
 * Tests one endpoint that allows TLS 1.0/1.1 and prints the result: run in a JVM of its own whose
 * security properties permit those versions, as an operator would start Cutover for such a server.
 * Arguments: host, port, PEM file of the server's certificate, user, password.
 */
final class LegacyTlsProbe {

  private LegacyTlsProbe() {}

  public static void main(String[] args) {
    ImapEndpoint endpoint =
        ImapEndpoint.implicitTls(args[0], Integer.parseInt(args[1])).toBuilder()
            .trustStore(new TrustStore(Path.of(args[2]), "PEM", null))
            .legacyTls(true)
            .build();
    String password = args[4];
    EndpointCheck check =
        new EndpointTester()
            .test(
                new SourceAccount(
                    endpoint, ImapLogin.password(args[3], password::toCharArray), args[3]));
    System.out.println("RESULT " + check);
  }
}
