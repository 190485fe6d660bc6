package org.cutover.secrets;

import java.time.Instant;

/** What may be shown about a stored secret: its id, name and creation time, never its value. */
public record StoredSecret(SecretRef ref, String name, Instant createdAt) {}
