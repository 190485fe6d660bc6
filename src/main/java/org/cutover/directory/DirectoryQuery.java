package org.cutover.directory;

import java.net.URI;
import java.util.Locale;
import org.cutover.secrets.SecretRef;

/**
 * Where and what to read: an LDAP server, the account that reads, and the part of the directory.
 *
 * @param url {@code ldaps://host:636} (TLS from the start) or {@code ldap://host:389} (StartTLS, or
 *     no TLS at all only with {@code allowPlaintext})
 * @param bindDn the reading account, e.g. {@code CN=svc-cutover,OU=Service,DC=contoso,DC=com} or
 *     {@code svc-cutover@contoso.com} for AD
 * @param credential the stored password of the reading account
 * @param baseDn where the search starts
 * @param filter which entries to read (LDAP filter)
 * @param allowPlaintext whether an {@code ldap://} URL may be read without TLS
 */
public record DirectoryQuery(
    URI url,
    String bindDn,
    SecretRef credential,
    String baseDn,
    String filter,
    boolean allowPlaintext) {

  /** AD's mail-enabled recipients, and entries with {@code mail} in a plain directory. */
  public static final String DEFAULT_FILTER = "(|(proxyAddresses=*)(mail=*))";

  public DirectoryQuery {
    filter = filter == null || filter.isBlank() ? DEFAULT_FILTER : filter.strip();
  }

  boolean ldaps() {
    return "ldaps".equals(url.getScheme().toLowerCase(Locale.ROOT));
  }

  int port() {
    return url.getPort() > 0 ? url.getPort() : ldaps() ? 636 : 389;
  }
}
