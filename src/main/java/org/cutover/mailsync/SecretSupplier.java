package org.cutover.mailsync;

/**
 * Hands out a secret (a password) when a connection is made. The engine asks for it on every login,
 * never keeps it longer than the login needs, and never logs it.
 */
@FunctionalInterface
public interface SecretSupplier {

  /** A fresh copy of the secret; the caller may overwrite the array after use. */
  char[] secret();
}
