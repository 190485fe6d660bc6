package org.cutover.tenant;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential an app registration signs in with, from its stored secret: the client secret's
 * value, or a certificate as PEM: its unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY})
 * followed by the certificate (and any chain) whose public part is uploaded to the app
 * registration. Nothing of the secret goes into a message.
 */
final class AppCredential {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private AppCredential() {}

  static IClientCredential of(String stored, String what) {
    if (!stored.contains("-----BEGIN ")) {
      return ClientCredentialFactory.createFromSecret(stored.strip());
    }
    PrivateKey key = null;
    List<X509Certificate> chain = new ArrayList<>();
    Matcher block = PEM.matcher(stored);
    try {
      while (block.find()) {
        String type = block.group(1);
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        switch (type) {
          case "PRIVATE KEY" -> key = privateKey(der);
          case "CERTIFICATE" ->
              chain.add(
                  (X509Certificate)
                      CertificateFactory.getInstance("X.509")
                          .generateCertificate(new ByteArrayInputStream(der)));
          case "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" ->
              throw new TargetNeedsAdministrator(
                  "The certificate of "
                      + what
                      + " has its key as "
                      + type
                      + "; store it as unencrypted PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in"
                      + " key.pem) followed by the certificate");
          default -> {
            // Other blocks (parameters, comments) do not matter.
          }
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new TargetNeedsAdministrator(
          "The certificate or key stored for "
              + what
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "); store the PKCS#8 private key and the certificate as PEM again");
    }
    if (key == null || chain.isEmpty()) {
      throw new TargetNeedsAdministrator(
          "The PEM stored for "
              + what
              + " needs both a private key (BEGIN PRIVATE KEY) and its certificate (BEGIN"
              + " CERTIFICATE)");
    }
    return chain.size() == 1
        ? ClientCredentialFactory.createFromCertificate(key, chain.get(0))
        : ClientCredentialFactory.createFromCertificateChain(key, chain);
  }

  private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (GeneralSecurityException notRsa) {
      return KeyFactory.getInstance("EC").generatePrivate(spec);
    }
  }
}
