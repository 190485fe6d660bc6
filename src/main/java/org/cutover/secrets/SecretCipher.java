package org.cutover.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a random 96-bit nonce per value and the secret's id as associated data, so a value
 * copied onto another row fails its integrity check just as an altered one does.
 */
final class SecretCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretsKey key;
  private final SecureRandom random = new SecureRandom();

  SecretCipher(SecretsKey key) {
    this.key = key;
  }

  String keyId() {
    return key.id();
  }

  Sealed seal(SecretRef ref, char[] secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plain = utf8(secret);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ref, nonce);
      return new Sealed(key.id(), nonce, cipher.doFinal(plain));
    } catch (GeneralSecurityException failure) {
      throw new IllegalStateException("AES-GCM encryption failed for secret " + ref.id(), failure);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  char[] open(SecretRef ref, Sealed sealed) {
    if (!sealed.keyId().equals(key.id())) {
      throw new SecretUnavailable(
          "Secret "
              + ref.id()
              + " was stored with another key (key id "
              + sealed.keyId()
              + ") than the configured "
              + SecretsKey.PROPERTY
              + " (key id "
              + key.id()
              + "). Configure the key it was stored with, or store the credential again.");
    }
    byte[] plain;
    try {
      plain = cipher(Cipher.DECRYPT_MODE, ref, sealed.nonce()).doFinal(sealed.ciphertext());
    } catch (AEADBadTagException altered) {
      throw new SecretUnavailable(
          "Secret "
              + ref.id()
              + " failed its integrity check: the stored value was altered or belongs to another"
              + " secret. Store the credential again.",
          altered);
    } catch (GeneralSecurityException failure) {
      throw new SecretUnavailable("Secret " + ref.id() + " could not be decrypted", failure);
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(plain));
      char[] result = new char[chars.remaining()];
      chars.get(result);
      Arrays.fill(chars.array(), '\0');
      return result;
    } catch (CharacterCodingException impossible) {
      throw new SecretUnavailable("Secret " + ref.id() + " is not UTF-8 text", impossible);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private Cipher cipher(int mode, SecretRef ref, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(("cutover.secret:" + ref.id()).getBytes(StandardCharsets.US_ASCII));
    return cipher;
  }

  private static byte[] utf8(char[] secret) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }

  /** An encrypted value as stored: the id of the key, the nonce and ciphertext with its tag. */
  record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {}
}
