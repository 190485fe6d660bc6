package org.cutover.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.StoredSecret;

/** Secrets in memory, for tests that need to see what was stored and deleted. */
final class MemorySecretStore implements SecretStore {

  private final Map<SecretRef, String> values = new LinkedHashMap<>();
  private final Map<SecretRef, String> names = new LinkedHashMap<>();
  final List<SecretRef> deleted = new ArrayList<>();

  @Override
  public synchronized SecretRef put(String name, char[] secret) {
    SecretRef ref = new SecretRef(UUID.randomUUID().toString());
    values.put(ref, new String(secret));
    names.put(ref, name);
    return ref;
  }

  @Override
  public synchronized char[] get(SecretRef ref) {
    String value = values.get(ref);
    if (value == null) {
      throw new IllegalStateException("No secret " + ref.id() + " is stored");
    }
    return value.toCharArray();
  }

  @Override
  public synchronized Optional<StoredSecret> describe(SecretRef ref) {
    return Optional.empty();
  }

  @Override
  public synchronized List<StoredSecret> list() {
    return List.of();
  }

  @Override
  public synchronized void delete(SecretRef ref) {
    if (values.remove(ref) != null) {
      deleted.add(ref);
    }
    names.remove(ref);
  }

  synchronized int size() {
    return values.size();
  }

  synchronized List<String> names() {
    return List.copyOf(names.values());
  }
}
