package org.cutover.tenant;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration {@code cutover.tenant.*}. The tenant, app registration or IMAP host of each
 * migration come with the migration's settings; these tune how they are reached.
 *
 * @param microsoft365 Microsoft Entra ID, Microsoft Graph and Exchange Online
 * @param imap plain IMAP targets
 * @param initialPasswordLength length of the initial passwords of users Cutover creates
 */
@ConfigurationProperties("cutover.tenant")
public record TenantProperties(
    @DefaultValue Microsoft365 microsoft365,
    @DefaultValue Imap imap,
    @DefaultValue("16") int initialPasswordLength) {

  public TenantProperties {
    if (initialPasswordLength < 12 || initialPasswordLength > 256) {
      throw new IllegalArgumentException(
          "cutover.tenant.initial-password-length must be 12 to 256; got " + initialPasswordLength);
    }
  }

  /**
   * @param authorityUrl Microsoft Entra ID's sign-in host; the tenant id is appended (national
   *     clouds: https://login.microsoftonline.us, https://login.partner.microsoftonline.cn)
   * @param graphUrl Microsoft Graph v1.0 root
   * @param graphScope the token scope for Graph (one resource, {@code /.default})
   * @param imapScope the token scope for Exchange Online IMAP (XOAUTH2)
   * @param timeout how long one request to Entra ID or Graph may take
   * @param maxAttempts how often a throttled (429) or unavailable (503, 504) Graph request is sent
   *     in all
   * @param maxRetryWait the longest Retry-After waited; a longer one ends the step, to be retried
   *     later
   * @param writesPerSecond directory writes (create user, assign licence, domain changes) sent per
   *     second at most, on average, by this node; Microsoft allows an app 20 per second in a tenant
   * @param writeBurst writes that may go at once before the pace above applies
   */
  public record Microsoft365(
      @DefaultValue("https://login.microsoftonline.com") URI authorityUrl,
      @DefaultValue("https://graph.microsoft.com/v1.0") URI graphUrl,
      @DefaultValue("https://graph.microsoft.com/.default") String graphScope,
      @DefaultValue("https://outlook.office365.com/.default") String imapScope,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("120s") Duration maxRetryWait,
      @DefaultValue("10") double writesPerSecond,
      @DefaultValue("20") int writeBurst) {

    public Microsoft365 {
      if (!(writesPerSecond > 0) || writesPerSecond > 1000) {
        throw new IllegalArgumentException(
            "cutover.tenant.microsoft365.writes-per-second must be above 0 and at most 1000; got "
                + writesPerSecond);
      }
      if (writeBurst < 1) {
        throw new IllegalArgumentException(
            "cutover.tenant.microsoft365.write-burst must be at least 1; got " + writeBurst);
      }
      if (!"https".equalsIgnoreCase(authorityUrl.getScheme())) {
        throw new IllegalArgumentException(
            "cutover.tenant.microsoft365.authority-url must be an https URL; got " + authorityUrl);
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "cutover.tenant.microsoft365.max-attempts must be at least 1; got " + maxAttempts);
      }
    }
  }

  /**
   * @param connectTimeout how long opening the connection may take
   * @param readTimeout how long one server answer may take
   * @param trustStore a PEM file of certificates to trust for TLS to IMAP targets instead of the
   *     JVM's (for a target with a private CA); host names are always checked
   */
  public record Imap(
      @DefaultValue("20s") Duration connectTimeout,
      @DefaultValue("60s") Duration readTimeout,
      Path trustStore) {}
}
