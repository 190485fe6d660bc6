package org.cutover.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The DNS providers this application has, by the name a migration gives as {@code dns.provider}.
 * Two providers with one name, or a name that a migration could not give, stop the start naming
 * both classes.
 */
public final class DnsZoneProviders {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,40}");

  private final Map<String, DnsZoneProvider> byName = new TreeMap<>();

  public DnsZoneProviders(List<DnsZoneProvider> providers) {
    for (DnsZoneProvider provider : providers) {
      String name = provider.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalStateException(
            "DNS provider "
                + provider.getClass().getName()
                + " is named '"
                + name
                + "'; a provider's name is 1 to 40 lower-case letters, digits, '-' and '_'");
      }
      DnsZoneProvider other = byName.putIfAbsent(name, provider);
      if (other != null) {
        throw new IllegalStateException(
            "DNS providers "
                + other.getClass().getName()
                + " and "
                + provider.getClass().getName()
                + " are both named '"
                + name
                + "'; remove one of them");
      }
    }
  }

  /** The provider of this name (case and surrounding blanks do not matter), if there is one. */
  public Optional<DnsZoneProvider> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /** Every provider's name, in alphabetical order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /**
   * What stops {@code provider} from opening a zone with {@code settings}: the settings it needs
   * that are not given, else what its own {@link DnsZoneProvider#check} finds.
   *
   * @throws DnsCredential.Unreadable when the check needs the credential and it cannot be read
   */
  public List<DnsSettingProblem> problems(DnsZoneProvider provider, DnsZoneSettings settings) {
    List<DnsSettingProblem> missing = new ArrayList<>();
    for (DnsZoneSetting setting : DnsZoneSetting.values()) {
      if (provider.required().contains(setting) && !settings.has(setting)) {
        missing.add(DnsSettingProblem.of(setting, neededKey(setting), provider.name()));
      }
    }
    return missing.isEmpty() ? List.copyOf(provider.check(settings)) : missing;
  }

  private static String neededKey(DnsZoneSetting setting) {
    return switch (setting) {
      case SERVER -> "cutover.dns.server.needed";
      case CREDENTIAL -> "cutover.dns.credential.needed";
    };
  }
}
