package org.cutover.dns.cloudflare;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Cloudflare's API: configuration {@code cutover.dns.cloudflare.*}.
 *
 * @param baseUrl the API root, {@code https://api.cloudflare.com/client/v4}
 * @param timeout how long one HTTP request may take
 * @param maxAttempts how often a rate-limited (HTTP 429) request is sent in all
 * @param maxRetryWait the longest Retry-After honoured; a longer one ends the retries
 */
@ConfigurationProperties("cutover.dns.cloudflare")
public record CloudflareSettings(
    @DefaultValue("https://api.cloudflare.com/client/v4") URI baseUrl,
    @DefaultValue("30s") Duration timeout,
    @DefaultValue("4") int maxAttempts,
    @DefaultValue("60s") Duration maxRetryWait) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.cloudflare.com/client/v4");

  public CloudflareSettings {
    if (baseUrl == null) {
      baseUrl = DEFAULT_BASE_URL;
    }
    String text = baseUrl.toString();
    if (text.endsWith("/")) {
      baseUrl = URI.create(text.substring(0, text.length() - 1));
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The Cloudflare request time-out must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("At least one attempt per Cloudflare request is needed");
    }
    if (maxRetryWait == null || maxRetryWait.isNegative()) {
      throw new IllegalArgumentException("The longest Retry-After wait must not be negative");
    }
  }

  /** The public API, 30 s per request, 4 attempts, Retry-After honoured up to 60 s. */
  public static CloudflareSettings defaults() {
    return new CloudflareSettings(
        DEFAULT_BASE_URL, Duration.ofSeconds(30), 4, Duration.ofSeconds(60));
  }
}
