package org.cutover.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.StoredSecret;

/** Secrets kept in memory, for tests that need a store but not its encryption. */
final class MapSecretStore implements SecretStore {

  private final Map<String, char[]> values = new ConcurrentHashMap<>();

  @Override
  public SecretRef put(String name, char[] secret) {
    SecretRef ref = new SecretRef(java.util.UUID.randomUUID().toString());
    values.put(ref.id(), secret.clone());
    return ref;
  }

  @Override
  public char[] get(SecretRef ref) {
    char[] value = values.get(ref.id());
    if (value == null) {
      throw new IllegalArgumentException("No secret " + ref.id());
    }
    return value.clone();
  }

  @Override
  public Optional<StoredSecret> describe(SecretRef ref) {
    return Optional.empty();
  }

  @Override
  public List<StoredSecret> list() {
    return List.of();
  }

  @Override
  public void delete(SecretRef ref) {
    values.remove(ref.id());
  }
}
