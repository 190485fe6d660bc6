package org.cutover.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for localhost and 127.0.0.1, made once per test run with the JDK's
 * keytool, for an HTTPS stub server, and a TLS context that trusts exactly it.
 */
final class LoopbackTls {

  static final String PASSWORD = "loopback-test";

  private static Path keyStore;

  private LoopbackTls() {}

  static synchronized Path keyStore() {
    if (keyStore != null) {
      return keyStore;
    }
    try {
      Path dir = Files.createTempDirectory("cutover-tls");
      Path file = dir.resolve("loopback.p12");
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Process process =
          new ProcessBuilder(
                  List.of(
                      keytool,
                      "-genkeypair",
                      "-alias",
                      "loopback",
                      "-keyalg",
                      "RSA",
                      "-keysize",
                      "2048",
                      "-validity",
                      "2",
                      "-dname",
                      "CN=localhost",
                      "-ext",
                      "SAN=dns:localhost,ip:127.0.0.1",
                      "-storetype",
                      "PKCS12",
                      "-keystore",
                      file.toString(),
                      "-storepass",
                      PASSWORD,
                      "-keypass",
                      PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      keyStore = file;
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("keytool could not be run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while making a test certificate", e);
    }
  }

  /** TLS that trusts the loopback certificate only. */
  static SSLContext trustingIt() {
    try (InputStream in = Files.newInputStream(keyStore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("The test certificate cannot be read", e);
    }
  }
}
