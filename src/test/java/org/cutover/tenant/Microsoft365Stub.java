package org.cutover.tenant;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cutover.secrets.SecretStore;

/**
 * Microsoft Entra ID and Microsoft Graph as an HTTPS WireMock server on loopback, and the Microsoft
 * 365 target wired to it, for tests outside this package (the whole runbook).
 */
public final class Microsoft365Stub {

  /** Waits the target was asked to make (throttling, write pace); none is slept. */
  public static final List<Duration> PAUSES = new CopyOnWriteArrayList<>();

  private Microsoft365Stub() {}

  /** A started WireMock server with a certificate for localhost and 127.0.0.1. */
  public static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .dynamicHttpsPort()
                .keystoreType("PKCS12")
                .keystorePath(LoopbackTls.keyStore().toString())
                .keystorePassword(LoopbackTls.PASSWORD)
                .keyManagerPassword(LoopbackTls.PASSWORD));
    server.start();
    return server;
  }

  /** The target against {@code server}, trusting its certificate only. */
  public static Microsoft365Target target(
      WireMockServer server, SecretStore secrets, InitialPasswords passwords, Clock clock) {
    String base = "https://localhost:" + server.httpsPort();
    TenantProperties.Microsoft365 settings =
        new TenantProperties.Microsoft365(
            URI.create(base),
            URI.create(base + "/v1.0"),
            GraphStubs.GRAPH_SCOPE,
            GraphStubs.IMAP_SCOPE,
            Duration.ofSeconds(10),
            4,
            Duration.ofSeconds(60),
            10,
            20);
    return TenantConfiguration.microsoft365(
        settings, secrets, passwords, LoopbackTls.trustingIt(), clock, PAUSES::add);
  }
}
