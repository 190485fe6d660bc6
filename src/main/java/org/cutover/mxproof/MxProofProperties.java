package org.cutover.mxproof;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration {@code cutover.mx-proof.*}: how the target's mail exchanger is asked about each
 * address before the MX swap.
 *
 * @param host the MX host to ask instead of the one the swap writes (tests, a relay in front of the
 *     target); empty: the target's own
 * @param port its SMTP port
 * @param probeSender the envelope sender of the probe; empty sends the null sender {@code MAIL
 *     FROM:<>}, as bounces and address checks do
 * @param heloName the name given in EHLO; empty: this machine's host name
 * @param timeout how long connecting and each answer may take
 * @param maxAttempts how often an address answered only with 4xx (or not at all) is asked in all
 * @param retryWait the wait before asking those addresses again, on a new connection
 * @param recipientsPerTransaction addresses asked per MAIL FROM before the transaction is reset
 *     (RFC 5321 lets a server refuse more than 100); fewer when the server answers 452
 * @param trustCertificate a PEM file with the certificates trusted for STARTTLS instead of Java's
 *     default trust store (a private CA); empty: the default trust store
 */
@ConfigurationProperties("cutover.mx-proof")
public record MxProofProperties(
    @DefaultValue("") String host,
    @DefaultValue("25") int port,
    @DefaultValue("") String probeSender,
    @DefaultValue("") String heloName,
    @DefaultValue("30s") Duration timeout,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("10s") Duration retryWait,
    @DefaultValue("100") int recipientsPerTransaction,
    Path trustCertificate) {

  public MxProofProperties {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("cutover.mx-proof.port must be 1 to 65535; got " + port);
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException(
          "cutover.mx-proof.max-attempts must be 1 to 10; got " + maxAttempts);
    }
    if (recipientsPerTransaction < 1 || recipientsPerTransaction > 1000) {
      throw new IllegalArgumentException(
          "cutover.mx-proof.recipients-per-transaction must be 1 to 1000; got "
              + recipientsPerTransaction);
    }
    if (timeout.isNegative() || timeout.isZero() || retryWait.isNegative()) {
      throw new IllegalArgumentException(
          "cutover.mx-proof.timeout must be positive and cutover.mx-proof.retry-wait not negative");
    }
    if (probeSender.contains("<") || probeSender.contains(">") || hasLineBreak(probeSender)) {
      throw new IllegalArgumentException(
          "cutover.mx-proof.probe-sender must be a bare address such as probe@contoso.com");
    }
    if (hasLineBreak(heloName) || heloName.contains(" ")) {
      throw new IllegalArgumentException("cutover.mx-proof.helo-name must be one host name");
    }
  }

  static boolean hasLineBreak(String text) {
    return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
  }
}
