package org.cutover.mailsync;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Certificates to trust for TLS connections to an endpoint, in addition to nothing else: when an
 * endpoint has a trust store, only its certificates are trusted; without one the JVM's default
 * trust store is used. Either a file of PEM/DER certificates (for example the server's self-signed
 * certificate or a company CA) or a key store (PKCS12, JKS).
 *
 * @param path the file
 * @param type {@code PEM} for certificate files, or a {@link java.security.KeyStore} type
 * @param password the key store password (null for PEM files)
 */
public record TrustStore(Path path, String type, SecretSupplier password) {

  public TrustStore {
    Objects.requireNonNull(path, "trust store path");
    type = type == null ? "PEM" : type.toUpperCase(Locale.ROOT);
    if (!type.equals("PEM") && password == null) {
      password = () -> new char[0];
    }
  }

  /** A file with one or more certificates in PEM or DER form. */
  public static TrustStore certificates(Path path) {
    return new TrustStore(path, "PEM", null);
  }

  /** A key store file ({@code PKCS12} or {@code JKS}). */
  public static TrustStore keyStore(Path path, String type, SecretSupplier password) {
    return new TrustStore(path, type, password);
  }

  @Override
  public String toString() {
    return "TrustStore[" + type + " " + path + "]";
  }
}
