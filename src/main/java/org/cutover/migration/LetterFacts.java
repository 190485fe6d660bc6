package org.cutover.migration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cutover.migration.letters.ClientEncryption;
import org.cutover.migration.letters.MailClientSettings;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.notify.LetterKind;
import org.cutover.notify.Placeholders;

/**
 * What the letters of one migration say, in its language: the values the templates name and the
 * {@code {{name}}} placeholders an edited letter may use.
 *
 * <p>Template values: {@code domain}, {@code batchName}, {@code migrationId}, {@code plannedSwitch}
 * and {@code licenceDeadline} (dates written out, or null when not known), {@code microsoft365},
 * {@code signInAddress} (where users sign in in a browser: Microsoft 365's sign-in address, or the
 * IMAP target's webmail address, else its incoming server), the users' mail program settings
 * ({@link MailClientSettings}: {@code incomingServer}, {@code incomingPort}, {@code
 * incomingEncryption}, {@code outgoingServer}, {@code outgoingPort}, {@code outgoingEncryption},
 * {@code webmailAddress}, {@code autodiscover}, {@code exchangeServer}, {@code unencrypted}; never
 * the endpoint Cutover logs in to), {@code contactName}, {@code contactEmail}, {@code licenceSku},
 * {@code mailboxCount}, {@code mailboxAddresses}, {@code withoutLicence} (the users the tenant
 * showed without a licence at the last check before the licence reminder, or null when it was not
 * asked).
 *
 * <p>Placeholders: {@code {{displayName}}} and {@code {{emailAddress}}} (each recipient's own),
 * {@code {{domain}}}, {@code {{plannedSwitch}}}, {@code {{signInAddress}}}, {@code
 * {{contactName}}}, {@code {{contactEmail}}}.
 */
record LetterFacts(String language, Map<String, Object> values, Placeholders placeholders) {

  private static final Map<String, DateTimeFormatter> DATES =
      Map.of(
          "en", DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH),
          "da",
              DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM uuuu", Locale.forLanguageTag("da")));

  private static final Map<String, String> DEFAULT_CONTACT =
      Map.of("en", "your IT support", "da", "jeres IT-support");

  static LetterFacts of(
      StoredMigration migration,
      MailClientSettings client,
      List<MailboxState> mailboxes,
      LetterRecords.Schedule schedule,
      List<String> withoutLicence,
      LetterProperties settings) {
    String language = migration.language();
    if (settings.contactAddress() == null) {
      throw new LettersNotConfigured(
          "Letters tell users whom to ask: set cutover.letters.contact-email (or"
              + " cutover.letters.administrator-email)");
    }
    boolean microsoft365 = migration.targetType() == TargetType.MICROSOFT_365;
    String contactName =
        settings.contactName() != null
            ? settings.contactName()
            : DEFAULT_CONTACT.getOrDefault(language, DEFAULT_CONTACT.get("en"));
    String signIn = client.webAddress() != null ? client.webAddress() : client.incomingServer();
    String plannedSwitch = date(schedule.plannedSwitch(), language);

    Map<String, Object> values = new LinkedHashMap<>();
    values.put("domain", migration.summary().domain());
    values.put("batchName", migration.summary().batchName());
    values.put("migrationId", migration.id());
    values.put("plannedSwitch", plannedSwitch);
    values.put("licenceDeadline", date(schedule.licenceDeadline(), language));
    values.put("microsoft365", microsoft365);
    values.put("signInAddress", signIn);
    values.put("incomingServer", client.incomingServer());
    values.put("incomingPort", client.incomingPort());
    values.put("incomingEncryption", label(client.incomingEncryption(), language));
    values.put("outgoingServer", client.outgoingServer());
    values.put("outgoingPort", client.outgoingPort());
    values.put("outgoingEncryption", label(client.outgoingEncryption(), language));
    values.put("webmailAddress", client.webmailAddress());
    values.put("autodiscover", client.autodiscover());
    values.put("exchangeServer", microsoft365 ? MailClientSettings.MICROSOFT_365_SERVER : null);
    values.put("unencrypted", client.unencrypted());
    values.put("contactName", contactName);
    values.put("contactEmail", settings.contactAddress());
    values.put("licenceSku", migration.licenceSku());
    values.put("mailboxCount", mailboxes.size());
    values.put("mailboxAddresses", mailboxes.stream().map(MailboxState::emailAddress).toList());
    values.put("withoutLicence", withoutLicence == null ? null : List.copyOf(withoutLicence));

    Map<String, String> placeholders = new LinkedHashMap<>();
    placeholders.put(Placeholders.DISPLAY_NAME, null);
    placeholders.put(Placeholders.EMAIL_ADDRESS, null);
    placeholders.put("domain", migration.summary().domain());
    placeholders.put("plannedSwitch", plannedSwitch);
    placeholders.put("signInAddress", signIn);
    placeholders.put("contactName", contactName);
    placeholders.put("contactEmail", settings.contactAddress());
    return new LetterFacts(language, values, new Placeholders(placeholders));
  }

  /**
   * The facts of a report of undelivered letters: {@code letter} (the letter's name), {@code
   * sentCount}, {@code recipientCount}, {@code refused} ("address: reason" lines) and {@code
   * unknown} (addresses).
   */
  LetterFacts forReport(
      LetterKind letter, int recipients, List<String> refused, List<String> unknown) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("letter", letter.slug());
    all.put("sentCount", recipients - refused.size() - unknown.size());
    all.put("recipientCount", recipients);
    all.put("refused", List.copyOf(refused));
    all.put("unknown", List.copyOf(unknown));
    return new LetterFacts(language, all, placeholders);
  }

  private static final Map<String, DateTimeFormatter> SWITCH_TIMES =
      Map.of(
          "en",
          DateTimeFormatter.ofPattern(
              "EEEE d MMMM uuuu 'at' HH:mm '('VV', UTC'xxx')'", Locale.ENGLISH),
          "da",
          DateTimeFormatter.ofPattern(
              "EEEE 'den' d. MMMM uuuu 'kl.' HH:mm '('VV', UTC'xxx')'",
              Locale.forLanguageTag("da")));

  /**
   * The facts with the planned switch: {@code switchTime}, the day, time and zone written out in
   * the letter's language (null when no time is planned), which {@code plannedSwitch} and the
   * placeholder {@code {{plannedSwitch}}} then name as well.
   */
  LetterFacts withSwitch(PlannedSwitch planned) {
    Map<String, Object> all = new HashMap<>(values);
    if (planned == null) {
      all.put("switchTime", null);
      return new LetterFacts(language, all, placeholders);
    }
    String time =
        SWITCH_TIMES.getOrDefault(language, SWITCH_TIMES.get("en")).format(planned.local());
    all.put("switchTime", time);
    all.put("plannedSwitch", time);
    return new LetterFacts(language, all, placeholders.with(Map.of("plannedSwitch", time)));
  }

  /** The placeholders filled for one recipient. */
  Placeholders forRecipient(String address, String displayName) {
    return placeholders.with(
        Map.of(
            Placeholders.EMAIL_ADDRESS,
            address,
            Placeholders.DISPLAY_NAME,
            displayName == null || displayName.isBlank() ? address : displayName));
  }

  static String date(LocalDate date, String language) {
    return date == null ? null : DATES.getOrDefault(language, DATES.get("en")).format(date);
  }

  private static String label(ClientEncryption encryption, String language) {
    return encryption == null ? null : encryption.label(language);
  }
}
