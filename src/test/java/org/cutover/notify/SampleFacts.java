package org.cutover.notify;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts of a Microsoft 365 migration of contoso.com, as the templates expect them. */
final class SampleFacts {

  static final Set<String> PLACEHOLDERS =
      new LinkedHashSet<>(
          List.of(
              "displayName",
              "emailAddress",
              "domain",
              "plannedSwitch",
              "signInAddress",
              "contactName",
              "contactEmail"));

  private SampleFacts() {}

  static Map<String, Object> microsoft365() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("domain", "contoso.com");
    facts.put("batchName", "contoso-wave-1");
    facts.put("migrationId", "m-1");
    facts.put("plannedSwitch", "Saturday 18 April 2026");
    facts.put("switchTime", null);
    facts.put("microsoft365", true);
    facts.put("signInAddress", "https://outlook.office.com");
    facts.put("incomingServer", null);
    facts.put("incomingPort", null);
    facts.put("incomingEncryption", null);
    facts.put("outgoingServer", null);
    facts.put("outgoingPort", null);
    facts.put("outgoingEncryption", null);
    facts.put("webmailAddress", null);
    facts.put("autodiscover", true);
    facts.put("exchangeServer", "outlook.office365.com");
    facts.put("unencrypted", false);
    facts.put("contactName", "Contoso IT");
    facts.put("contactEmail", "it@contoso.com");
    facts.put("licenceSku", "EXCHANGESTANDARD");
    facts.put("licenceDeadline", null);
    facts.put("mailboxCount", 2);
    facts.put("mailboxAddresses", List.of("ann@contoso.com", "bo@contoso.com"));
    facts.put("withoutLicence", null);
    facts.put("letter", "announcement");
    facts.put("sentCount", 1);
    facts.put("recipientCount", 2);
    facts.put("refused", List.of("bo@contoso.com: 550 5.1.1 no such user"));
    facts.put("unknown", List.of());
    return facts;
  }

  static Map<String, Object> imap() {
    Map<String, Object> facts = new HashMap<>(microsoft365());
    facts.put("microsoft365", false);
    facts.put("signInAddress", "https://webmail.example.net");
    facts.put("incomingServer", "imap.example.net");
    facts.put("incomingPort", 993);
    facts.put("incomingEncryption", "SSL/TLS");
    facts.put("outgoingServer", "smtp.example.net");
    facts.put("outgoingPort", 587);
    facts.put("outgoingEncryption", "STARTTLS");
    facts.put("webmailAddress", "https://webmail.example.net");
    facts.put("autodiscover", false);
    facts.put("exchangeServer", null);
    facts.put("licenceSku", null);
    return facts;
  }
}
