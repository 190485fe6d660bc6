package org.cutover.dns;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * A TSIG key (RFC 8945): its name, its HMAC algorithm and where to get its base64 secret. The
 * secret is fetched only when a message is signed and never appears in {@link #toString()}, a log
 * or a message.
 */
public record TsigKey(String name, String algorithm, Supplier<String> secret) {

  /** The algorithms dnsjava signs with, by their BIND names. */
  public static final List<String> ALGORITHMS =
      List.of("hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512");

  public TsigKey {
    name = DnsNames.absolute(name);
    algorithm = algorithm == null ? "hmac-sha256" : algorithm.strip().toLowerCase(Locale.ROOT);
    if (!ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException(
          "TSIG algorithm '" + algorithm + "' for key " + name + " is not one of " + ALGORITHMS);
    }
    if (secret == null) {
      throw new IllegalArgumentException("TSIG key " + name + " needs a secret supplier");
    }
  }

  /** The algorithm's name on the wire. */
  public Name algorithmName() {
    return TSIG.algorithmToName(algorithm);
  }

  /**
   * A dnsjava signer with the secret fetched now.
   *
   * @throws IllegalArgumentException when the secret is missing or not base64 (without echoing it)
   */
  public TSIG signer() {
    String value = secret.get();
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The secret of TSIG key " + name + " is empty");
    }
    try {
      java.util.Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The secret of TSIG key " + name + " is not valid base64; copy it from the key file");
    }
    return new TSIG(algorithmName(), DnsNames.toName(name), value.strip());
  }

  @Override
  public String toString() {
    return "TsigKey[" + name + " " + algorithm + "]";
  }
}
