/**
 * Encrypted credential store. A credential given with a migration (source admin password, target
 * client secret, DNS key) is encrypted with AES-GCM under the key from {@code cutover.secrets.key}
 * and stored in table {@code secret}; everything else holds only its {@link
 * org.cutover.secrets.SecretRef}. Depends on nothing else of ours.
 */
package org.cutover.secrets;
