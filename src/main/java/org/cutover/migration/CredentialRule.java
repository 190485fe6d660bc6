package org.cutover.migration;

import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretText;

/** A credential is given once: either as the secret itself or as the id of a stored one. */
final class CredentialRule {

  /** The longest secret taken (a password, a token, a key, a certificate with its key as PEM). */
  static final int MAX_SECRET_LENGTH = 16 * 1024;

  private CredentialRule() {}

  static void check(
      RuleViolations violations,
      SecretText secret,
      String credentialId,
      String secretProperty,
      String idProperty) {
    boolean secretGiven = secret != null && !secret.isBlank();
    boolean idGiven = credentialId != null && !credentialId.isBlank();
    if (secretGiven && secret.length() > MAX_SECRET_LENGTH) {
      violations.on(secretProperty, "{cutover.secret.size}");
    } else if (!secretGiven && !idGiven) {
      violations.on(secretProperty, "{cutover.credential.missing}");
    } else if (secretGiven && idGiven) {
      violations.on(idProperty, "{cutover.credential.both}");
    } else if (idGiven && !SecretRef.isWellFormed(credentialId.strip())) {
      violations.on(idProperty, "{cutover.credential.id}");
    }
  }

  /** A secret given but not used (a DNS key with GUIDED DNS) is still bounded. */
  static void checkSize(RuleViolations violations, SecretText secret, String secretProperty) {
    if (secret != null && secret.length() > MAX_SECRET_LENGTH) {
      violations.on(secretProperty, "{cutover.secret.size}");
    }
  }

  /** The rules of {@link #check} for a credential that may also be left out. */
  static void checkIfGiven(
      RuleViolations violations,
      SecretText secret,
      String credentialId,
      String secretProperty,
      String idProperty) {
    boolean secretGiven = secret != null && !secret.isBlank();
    boolean idGiven = credentialId != null && !credentialId.isBlank();
    if (secretGiven || idGiven) {
      check(violations, secret, credentialId, secretProperty, idProperty);
    }
  }

  static SecretRef refOrNull(String credentialId) {
    return credentialId == null || credentialId.isBlank()
        ? null
        : new SecretRef(credentialId.strip().toLowerCase(java.util.Locale.ROOT));
  }
}
