package org.cutover.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String KEY_A = "vJ4m1jKQ0cO4x4m2m8gqF0c3rHkz7b0V9pYc6Qm2l4A=";
  private static final String KEY_B = "TbAVEonGrffPc9AeZ5X7zR+6PVcE75dT04hxURO9XWM=";

  private final SecretCipher cipher = new SecretCipher(SecretsKey.fromBase64(KEY_A, "test key"));
  private final SecretRef ref = SecretRef.random();

  @Test
  void opensWhatItSealed() {
    SecretCipher.Sealed sealed = cipher.seal(ref, "Sommer2026!æøå €".toCharArray());

    assertThat(cipher.open(ref, sealed)).containsExactly("Sommer2026!æøå €".toCharArray());
  }

  @Test
  void usesAFresh96BitNonceForEveryValue() {
    SecretCipher.Sealed first = cipher.seal(ref, "same".toCharArray());
    SecretCipher.Sealed second = cipher.seal(ref, "same".toCharArray());

    assertThat(first.nonce()).hasSize(12);
    assertThat(first.nonce()).isNotEqualTo(second.nonce());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
  }

  @Test
  void ciphertextDoesNotHoldThePlaintext() {
    SecretCipher.Sealed sealed = cipher.seal(ref, "hunter2hunter2".toCharArray());

    assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("hunter2");
  }

  @Test
  void detectsAnAlteredCiphertext() {
    SecretCipher.Sealed sealed = cipher.seal(ref, "password".toCharArray());
    byte[] altered = sealed.ciphertext().clone();
    altered[0] ^= 1;

    assertThatThrownBy(
            () ->
                cipher.open(ref, new SecretCipher.Sealed(sealed.keyId(), sealed.nonce(), altered)))
        .isInstanceOf(SecretUnavailable.class)
        .hasMessageContaining("failed its integrity check")
        .hasMessageContaining(ref.id())
        .hasMessageNotContaining("password");
  }

  @Test
  void detectsAnAlteredNonce() {
    SecretCipher.Sealed sealed = cipher.seal(ref, "password".toCharArray());
    byte[] nonce = sealed.nonce().clone();
    nonce[11] ^= 1;

    assertThatThrownBy(
            () ->
                cipher.open(
                    ref, new SecretCipher.Sealed(sealed.keyId(), nonce, sealed.ciphertext())))
        .isInstanceOf(SecretUnavailable.class)
        .hasMessageContaining("failed its integrity check");
  }

  @Test
  void refusesAValueMovedToAnotherId() {
    SecretCipher.Sealed sealed = cipher.seal(ref, "password".toCharArray());

    assertThatThrownBy(() -> cipher.open(SecretRef.random(), sealed))
        .isInstanceOf(SecretUnavailable.class)
        .hasMessageContaining("belongs to another secret");
  }

  @Test
  void saysSoWhenTheKeyIsNotTheOneItWasStoredWith() {
    SecretCipher.Sealed sealed = cipher.seal(ref, "password".toCharArray());
    SecretCipher other = new SecretCipher(SecretsKey.fromBase64(KEY_B, "test key"));

    assertThatThrownBy(() -> other.open(ref, sealed))
        .isInstanceOf(SecretUnavailable.class)
        .hasMessageContaining("was stored with another key")
        .hasMessageContaining("cutover.secrets.key")
        .hasMessageNotContaining(KEY_A)
        .hasMessageNotContaining(KEY_B);
  }

  @Test
  void keyIdIsTheSameForTheSameKeyAndRevealsNothingOfIt() {
    SecretsKey key = SecretsKey.fromBase64(KEY_A, "test key");

    assertThat(key.id()).isEqualTo(SecretsKey.fromBase64(KEY_A, "again").id()).hasSize(16);
    assertThat(key.id()).isNotEqualTo(SecretsKey.fromBase64(KEY_B, "other").id());
    byte[] raw = Base64.getDecoder().decode(KEY_A);
    assertThat(key.id()).doesNotContain(java.util.HexFormat.of().formatHex(raw, 0, 8));
    assertThat(key.toString()).doesNotContain(KEY_A);
    Arrays.fill(raw, (byte) 0);
  }
}
