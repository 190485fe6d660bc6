package org.cutover.migration;

import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretText;

/** A credential is given once: either as the secret itself or as the id of a stored one. */
final class CredentialRule {

  private CredentialRule() {}

  static void check(
      RuleViolations violations,
      SecretText secret,
      String credentialId,
      String secretProperty,
      String idProperty) {
    boolean secretGiven = secret != null && !secret.isBlank();
    boolean idGiven = credentialId != null && !credentialId.isBlank();
    if (!secretGiven && !idGiven) {
      violations.on(secretProperty, "{cutover.credential.missing}");
    } else if (secretGiven && idGiven) {
      violations.on(idProperty, "{cutover.credential.both}");
    } else if (idGiven && !SecretRef.isWellFormed(credentialId.strip())) {
      violations.on(idProperty, "{cutover.credential.id}");
    }
  }

  /** The rules of {@link #check} for a credential that may also be left out. */
  static void checkIfGiven(
      RuleViolations violations, SecretText secret, String credentialId, String idProperty) {
    boolean secretGiven = secret != null && !secret.isBlank();
    boolean idGiven = credentialId != null && !credentialId.isBlank();
    if (secretGiven || idGiven) {
      check(violations, secret, credentialId, null, idProperty);
    }
  }

  static SecretRef refOrNull(String credentialId) {
    return credentialId == null || credentialId.isBlank()
        ? null
        : new SecretRef(credentialId.strip().toLowerCase(java.util.Locale.ROOT));
  }
}
