package org.cutover.secrets;

import java.util.UUID;

/** The id of a stored secret: what settings, tables and process variables hold instead of it. */
public record SecretRef(String id) {

  public SecretRef {
    if (id == null || !isWellFormed(id)) {
      throw new IllegalArgumentException(
          "A secret id is a UUID such as 3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90; got '" + id + "'");
    }
  }

  /** Whether the text has the shape of a secret id (it may still name no stored secret). */
  public static boolean isWellFormed(String id) {
    try {
      return UUID.fromString(id).toString().equals(id.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException notUuid) {
      return false;
    }
  }

  static SecretRef random() {
    return new SecretRef(UUID.randomUUID().toString());
  }
}
