package org.cutover.dns.rfc2136;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cutover.dns.DnsCredential;
import org.cutover.dns.DnsProperties;
import org.cutover.dns.DnsSettingProblem;
import org.cutover.dns.DnsZone;
import org.cutover.dns.DnsZoneProvider;
import org.cutover.dns.DnsZoneSetting;
import org.cutover.dns.DnsZoneSettings;
import org.cutover.dns.NameServer;
import org.cutover.dns.TsigKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Provider {@value #NAME}: zones changed by RFC 2136 updates sent to the migration's server ({@code
 * host[:port]}) and signed with its stored TSIG key ({@code name:algorithm:base64}). The key's
 * secret is read each time a message is signed.
 */
@Component
public class Rfc2136ZoneProvider implements DnsZoneProvider {

  static final String NAME = "rfc2136";

  private final Duration timeout;

  @Autowired
  Rfc2136ZoneProvider(DnsProperties properties) {
    this(properties.timeout());
  }

  /**
   * @param timeout how long to wait for each answer of the server
   */
  public Rfc2136ZoneProvider(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<DnsZoneSetting> required() {
    return Set.of(DnsZoneSetting.SERVER, DnsZoneSetting.CREDENTIAL);
  }

  @Override
  public List<DnsSettingProblem> check(DnsZoneSettings settings) {
    if (TsigKeyText.parse(settings.credential().reveal()).isEmpty()) {
      return List.of(notATsigKey());
    }
    return List.of();
  }

  @Override
  public DnsZone open(DnsZoneSettings settings) {
    DnsCredential credential = settings.credential();
    Optional<TsigKeyText> text = TsigKeyText.parse(credential.reveal());
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "the stored DNS credential is not a TSIG key written as name:algorithm:base64"
              + " (algorithm one of "
              + String.join(", ", TsigKey.ALGORITHMS)
              + ")");
    }
    TsigKey key =
        new TsigKey(
            text.get().keyName(),
            text.get().algorithm(),
            () -> {
              try {
                return TsigKeyText.secretOf(credential.reveal());
              } catch (DnsCredential.Unreadable e) {
                // the zone reports it as a refusal, with this message
                throw new IllegalArgumentException(e.getMessage(), e);
              }
            });
    return new Rfc2136Zone(settings.zone(), NameServer.parse(settings.server()), key, timeout);
  }

  private static DnsSettingProblem notATsigKey() {
    return DnsSettingProblem.of(
        DnsZoneSetting.CREDENTIAL, "cutover.dns.tsig", String.join(", ", TsigKey.ALGORITHMS));
  }
}
