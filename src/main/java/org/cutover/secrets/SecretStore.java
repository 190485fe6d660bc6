package org.cutover.secrets;

import java.util.List;
import java.util.Optional;

/**
 * Keeps secrets encrypted and hands out references to them. Values are read only where a connection
 * is made; they never leave through a log line, an exception message or a response.
 */
public interface SecretStore {

  /** Encrypts and stores a secret under a new id; {@code name} says what it is, for people. */
  SecretRef put(String name, char[] secret);

  default SecretRef put(String name, String secret) {
    return put(name, secret.toCharArray());
  }

  default SecretRef put(String name, SecretText secret) {
    char[] value = secret.reveal();
    try {
      return put(name, value);
    } finally {
      java.util.Arrays.fill(value, '\0');
    }
  }

  /**
   * The decrypted secret; the caller should clear the array after use.
   *
   * @throws SecretUnavailable when it is not stored, was stored with another key, or was altered
   */
  char[] get(SecretRef ref);

  /** The decrypted secret as text, for clients that only take a String. */
  default String getString(SecretRef ref) {
    char[] value = get(ref);
    try {
      return new String(value);
    } finally {
      java.util.Arrays.fill(value, '\0');
    }
  }

  /** Name and creation time of a stored secret, or empty when the id names none. */
  Optional<StoredSecret> describe(SecretRef ref);

  /** All stored secrets, oldest first: ids, names and creation times only. */
  List<StoredSecret> list();

  /** Removes the secret; removing one that is not there does nothing. */
  void delete(SecretRef ref);
}
