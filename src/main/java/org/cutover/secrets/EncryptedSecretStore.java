package org.cutover.secrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Secrets encrypted with {@link SecretCipher}, one row each in table {@code secret}. */
@Repository
class EncryptedSecretStore implements SecretStore {

  private static final Logger log = LoggerFactory.getLogger(EncryptedSecretStore.class);

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  EncryptedSecretStore(JdbcClient jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public SecretRef put(String name, char[] secret) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A secret needs a name saying what it is");
    }
    SecretRef ref = SecretRef.random();
    SecretCipher.Sealed sealed = cipher.seal(ref, secret);
    jdbc.sql(
            "INSERT INTO secret (id, name, key_id, nonce, ciphertext, created_at)"
                + " VALUES (:id, :name, :keyId, :nonce, :ciphertext, :createdAt)")
        .param("id", ref.id())
        .param("name", name.strip())
        .param("keyId", sealed.keyId())
        .param("nonce", Base64.getEncoder().encodeToString(sealed.nonce()))
        .param("ciphertext", Base64.getEncoder().encodeToString(sealed.ciphertext()))
        .param("createdAt", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    log.info("Stored secret {} ({})", ref.id(), name.strip());
    return ref;
  }

  @Override
  public char[] get(SecretRef ref) {
    SecretCipher.Sealed sealed =
        jdbc.sql("SELECT key_id, nonce, ciphertext FROM secret WHERE id = :id")
            .param("id", ref.id())
            .query(
                (rs, row) ->
                    new SecretCipher.Sealed(
                        rs.getString("key_id"),
                        Base64.getDecoder().decode(rs.getString("nonce")),
                        Base64.getDecoder().decode(rs.getString("ciphertext"))))
            .optional()
            .orElseThrow(
                () ->
                    new SecretUnavailable(
                        "No secret "
                            + ref.id()
                            + " is stored (it was deleted, or never stored); store the"
                            + " credential again and use its new id."));
    try {
      return cipher.open(ref, sealed);
    } finally {
      Arrays.fill(sealed.ciphertext(), (byte) 0);
    }
  }

  @Override
  public Optional<StoredSecret> describe(SecretRef ref) {
    return jdbc.sql("SELECT id, name, created_at FROM secret WHERE id = :id")
        .param("id", ref.id())
        .query(EncryptedSecretStore::storedSecret)
        .optional();
  }

  @Override
  public List<StoredSecret> list() {
    return jdbc.sql("SELECT id, name, created_at FROM secret ORDER BY created_at, id")
        .query(EncryptedSecretStore::storedSecret)
        .list();
  }

  @Override
  public void delete(SecretRef ref) {
    int deleted = jdbc.sql("DELETE FROM secret WHERE id = :id").param("id", ref.id()).update();
    if (deleted > 0) {
      log.info("Deleted secret {}", ref.id());
    }
  }

  private static StoredSecret storedSecret(ResultSet rs, int row) throws SQLException {
    Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
    return new StoredSecret(new SecretRef(rs.getString("id")), rs.getString("name"), created);
  }
}
