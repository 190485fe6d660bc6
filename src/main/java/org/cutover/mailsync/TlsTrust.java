package org.cutover.mailsync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the TLS socket factory for an endpoint: its own trust store, or the JVM's. The trust
 * manager that checks chains and host names is made once per trust store (reading the JVM's
 * certificates or the endpoint's file); each connection gets its own {@link CertificateRecorder}
 * around it, so that a failed handshake is explained with what that server presented.
 */
final class TlsTrust {

  /** The checking trust managers, by trust store; empty stands for the JVM's own. */
  private static final Map<Optional<TrustStore>, X509ExtendedTrustManager> CHECKERS =
      new ConcurrentHashMap<>();

  private TlsTrust() {}

  /** A factory whose handshakes are recorded by {@code recorder}'s twin returned with it. */
  record Factory(SSLSocketFactory sockets, CertificateRecorder recorder) {}

  static Factory forEndpoint(ImapEndpoint endpoint) {
    try {
      X509ExtendedTrustManager real =
          CHECKERS.computeIfAbsent(
              Optional.ofNullable(endpoint.trustStore()), store -> checker(store, endpoint));
      CertificateRecorder recorder = new CertificateRecorder(real);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {recorder}, null);
      return new Factory(context.getSocketFactory(), recorder);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not set up TLS for " + endpoint.address(), e);
    }
  }

  private static X509ExtendedTrustManager checker(
      Optional<TrustStore> store, ImapEndpoint endpoint) {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store.map(TlsTrust::load).orElse(null));
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("The JVM offers no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not set up TLS for " + endpoint.address(), e);
    }
  }

  private static KeyStore load(TrustStore store) {
    try (InputStream in = Files.newInputStream(store.path())) {
      if (store.type().equals("PEM")) {
        Collection<? extends Certificate> certs =
            CertificateFactory.getInstance("X.509").generateCertificates(in);
        if (certs.isEmpty()) {
          throw new IllegalArgumentException(
              "Trust store " + store.path() + " holds no certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
          ks.setCertificateEntry("trusted-" + i++, c);
        }
        return ks;
      }
      KeyStore ks = KeyStore.getInstance(store.type());
      char[] password = store.password().secret();
      try {
        ks.load(in, password);
      } finally {
        Arrays.fill(password, '\0');
      }
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Trust store "
              + store.path()
              + " ("
              + store.type()
              + ") could not be read: "
              + e.getMessage()
              + "; check the file and its password",
          e);
    }
  }
}
