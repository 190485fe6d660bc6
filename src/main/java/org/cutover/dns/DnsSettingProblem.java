package org.cutover.dns;

import java.util.List;

/**
 * A DNS setting a provider cannot use, with the message to show: a key of the {@code
 * ValidationMessages} bundle (which holds every settings message in English and Danish) and its
 * arguments ({@code {0}}, ...). A problem never quotes the credential. Any provider may use {@code
 * cutover.dns.credential.invalid} (its name as the argument) for a credential it cannot take.
 *
 * @param setting the setting to fix
 * @param messageKey the message's key, e.g. {@code cutover.dns.tsig}
 * @param arguments the values of the message's placeholders
 */
public record DnsSettingProblem(DnsZoneSetting setting, String messageKey, List<String> arguments) {

  public DnsSettingProblem {
    arguments = List.copyOf(arguments);
  }

  public static DnsSettingProblem of(
      DnsZoneSetting setting, String messageKey, String... arguments) {
    return new DnsSettingProblem(setting, messageKey, List.of(arguments));
  }
}
