package org.cutover.dns.cloudflare;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cutover.dns.DnsCredential;
import org.cutover.dns.DnsSettingProblem;
import org.cutover.dns.DnsZone;
import org.cutover.dns.DnsZoneProvider;
import org.cutover.dns.DnsZoneSetting;
import org.cutover.dns.DnsZoneSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Provider {@value #NAME}: zones hosted at Cloudflare, changed with the migration's stored API
 * token (Zone:DNS:Edit). The token is read each time a request is sent.
 */
@Component
@EnableConfigurationProperties(CloudflareSettings.class)
public class CloudflareZoneProvider implements DnsZoneProvider {

  static final String NAME = "cloudflare";

  private static final Logger log = LoggerFactory.getLogger(CloudflareZoneProvider.class);

  /** An API token is one word: no blanks, no ':' (so a TSIG key given by mistake is refused). */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]+");

  private final CloudflareSettings settings;

  public CloudflareZoneProvider(CloudflareSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<DnsZoneSetting> required() {
    return Set.of(DnsZoneSetting.CREDENTIAL);
  }

  @Override
  public List<DnsSettingProblem> check(DnsZoneSettings given) {
    String token = given.credential().reveal();
    if (token == null || !TOKEN.matcher(token.strip()).matches()) {
      return List.of(
          DnsSettingProblem.of(DnsZoneSetting.CREDENTIAL, "cutover.dns.cloudflare.token"));
    }
    return List.of();
  }

  @Override
  public DnsZone open(DnsZoneSettings given) {
    DnsCredential credential = given.credential();
    Supplier<String> token =
        () -> {
          try {
            String text = credential.reveal();
            return text == null ? null : text.strip();
          } catch (DnsCredential.Unreadable e) {
            log.warn("Cloudflare zone {}: the stored API token cannot be read", given.zone());
            return null;
          }
        };
    return new CloudflareZone(given.zone(), settings, token);
  }
}
