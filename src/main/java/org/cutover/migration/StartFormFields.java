package org.cutover.migration;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cutover.migration.letters.ClientEncryption;
import org.cutover.migration.letters.ClientSettings;
import org.cutover.migration.recipients.BatchRecipients;
import org.cutover.migration.schedule.SwitchTime;
import org.cutover.secrets.SecretText;

/**
 * The Tasklist start form's variables and how they become {@link NewMigration}. The form never
 * carries a secret: credentials are stored first with POST /api/credentials and named by id.
 *
 * <p>Variables (all optional unless the rules need them): {@value #DOMAIN}, {@value #BATCH_NAME},
 * {@value #MAILBOXES_CSV}, {@value #MAILBOXES_FROM} ({@code CSV}, the default, or {@code
 * DISCOVERY}: the mailboxes of the accepted directory discovery {@value #DISCOVERY_ID}, else of the
 * domain's newest one), {@value #SOURCE_HOST}, {@value #SOURCE_PORT}, {@value #SOURCE_SECURITY},
 * {@value #SOURCE_ALLOW_PLAINTEXT}, {@value #SOURCE_AUTH}, {@value #SOURCE_ADMIN_USER}, {@value
 * #SOURCE_CREDENTIAL_ID}, {@value #SOURCE_TEST_MAILBOX}, {@value #SOURCE_MAILBOX_NAME}, {@value
 * #SOURCE_ALLOW_LEGACY_TLS}, {@value #MAX_CONCURRENT_MAILBOXES}, {@value #TARGET_TYPE}, {@value
 * #TENANT_ID}, {@value #CLIENT_ID}, {@value #LICENCE_SKU}, {@value #USAGE_LOCATION}, {@value
 * #TARGET_HOST}, {@value #TARGET_PORT}, {@value #TARGET_SECURITY}, {@value
 * #TARGET_ALLOW_PLAINTEXT}, {@value #TARGET_AUTH}, {@value #TARGET_ADMIN_USER}, {@value
 * #TARGET_CREDENTIAL_ID} (client secret with Microsoft 365, admin password with IMAP), {@value
 * #TARGET_MAILBOX_NAME}, {@value #TARGET_ALLOW_LEGACY_TLS}, {@value #MX_HOSTS} (IMAP: one
 * "preference host" per line), {@value #DNS_MODE}, {@value #DNS_PROVIDER}, {@value #DNS_ZONE},
 * {@value #DNS_SERVER}, {@value #DNS_CREDENTIAL_ID}, {@value #MAX_MX_TTL}, {@value
 * #AUTODISCOVER_TARGET}, {@value #AUTODISCOVER_OVERWRITE_CONSENT}, {@value #SPF_INCLUDE}, {@value
 * #LANGUAGE}, {@value #AUTO_START_BATCH}, {@value #ALLOW_MAILBOXES_OUTSIDE_DOMAIN}; what users set
 * up in their mail programs: {@value #CLIENT_INCOMING_SERVER}, {@value #CLIENT_INCOMING_PORT},
 * {@value #CLIENT_INCOMING_ENCRYPTION}, {@value #CLIENT_OUTGOING_SERVER}, {@value
 * #CLIENT_OUTGOING_PORT}, {@value #CLIENT_OUTGOING_ENCRYPTION}, {@value #CLIENT_WEBMAIL_ADDRESS},
 * {@value #CLIENT_SIGN_IN_ADDRESS}, {@value #CLIENT_ALLOW_UNENCRYPTED}; the planned switch (none
 * when neither day nor time is given): {@value #SWITCH_DATE}, {@value #SWITCH_TIME}, {@value
 * #SWITCH_ZONE}.
 *
 * <p>Values are taken as the form gives them: text as text, numbers as whole numbers, yes/no as
 * booleans; a number where text belongs, or anything but true or false for a yes/no field, is
 * reported instead of being converted.
 */
final class StartFormFields {

  static final String DOMAIN = "domain";
  static final String BATCH_NAME = "batchName";
  static final String MAILBOXES_CSV = "mailboxesCsv";
  static final String MAILBOXES_FROM = "mailboxesFrom";
  static final String DISCOVERY_ID = "discoveryId";
  static final String SOURCE_HOST = "sourceHost";
  static final String SOURCE_PORT = "sourcePort";
  static final String SOURCE_SECURITY = "sourceSecurity";
  static final String SOURCE_ALLOW_PLAINTEXT = "sourceAllowPlaintext";
  static final String SOURCE_AUTH = "sourceAuth";
  static final String SOURCE_ADMIN_USER = "sourceAdminUser";
  static final String SOURCE_CREDENTIAL_ID = "sourceCredentialId";
  static final String SOURCE_TEST_MAILBOX = "sourceTestMailbox";
  static final String SOURCE_MAILBOX_NAME = "sourceMailboxName";
  static final String SOURCE_ALLOW_LEGACY_TLS = "sourceAllowLegacyTls";
  static final String MAX_CONCURRENT_MAILBOXES = "maxConcurrentMailboxes";
  static final String TARGET_TYPE = "targetType";
  static final String TENANT_ID = "tenantId";
  static final String CLIENT_ID = "clientId";
  static final String LICENCE_SKU = "licenceSku";
  static final String USAGE_LOCATION = "usageLocation";
  static final String TARGET_HOST = "targetHost";
  static final String TARGET_PORT = "targetPort";
  static final String TARGET_SECURITY = "targetSecurity";
  static final String TARGET_ALLOW_PLAINTEXT = "targetAllowPlaintext";
  static final String TARGET_AUTH = "targetAuth";
  static final String TARGET_ADMIN_USER = "targetAdminUser";
  static final String TARGET_CREDENTIAL_ID = "targetCredentialId";
  static final String TARGET_MAILBOX_NAME = "targetMailboxName";
  static final String TARGET_ALLOW_LEGACY_TLS = "targetAllowLegacyTls";
  static final String MX_HOSTS = "mxHosts";
  static final String DNS_MODE = "dnsMode";
  static final String DNS_PROVIDER = "dnsProvider";
  static final String DNS_ZONE = "dnsZone";
  static final String DNS_SERVER = "dnsServer";
  static final String DNS_CREDENTIAL_ID = "dnsCredentialId";
  static final String MAX_MX_TTL = "maxMxTtl";
  static final String AUTODISCOVER_TARGET = "autodiscoverTarget";
  static final String AUTODISCOVER_OVERWRITE_CONSENT = "autodiscoverOverwriteConsent";
  static final String SPF_INCLUDE = "spfInclude";
  static final String LANGUAGE = "language";
  static final String AUTO_START_BATCH = "autoStartBatch";
  static final String ALLOW_MAILBOXES_OUTSIDE_DOMAIN = "allowMailboxesOutsideDomain";
  static final String CLIENT_INCOMING_SERVER = "clientIncomingServer";
  static final String CLIENT_INCOMING_PORT = "clientIncomingPort";
  static final String CLIENT_INCOMING_ENCRYPTION = "clientIncomingEncryption";
  static final String CLIENT_OUTGOING_SERVER = "clientOutgoingServer";
  static final String CLIENT_OUTGOING_PORT = "clientOutgoingPort";
  static final String CLIENT_OUTGOING_ENCRYPTION = "clientOutgoingEncryption";
  static final String CLIENT_WEBMAIL_ADDRESS = "clientWebmailAddress";
  static final String CLIENT_SIGN_IN_ADDRESS = "clientSignInAddress";
  static final String CLIENT_ALLOW_UNENCRYPTED = "clientAllowUnencrypted";
  static final String SWITCH_DATE = "switchDate";
  static final String SWITCH_TIME = "switchTime";
  static final String SWITCH_ZONE = "switchZone";

  private static final Pattern MAILBOX_PATH = Pattern.compile("\\$\\.mailboxes\\[(\\d+)].*");

  private final Map<String, Object> values;
  private final BatchRecipients discoveries;
  private final List<String> problems = new ArrayList<>();
  private List<Integer> csvLines = List.of();

  StartFormFields(Map<String, Object> values) {
    this(values, null);
  }

  /**
   * @param discoveries where a form that takes its mailboxes from a directory discovery finds them
   */
  StartFormFields(Map<String, Object> values, BatchRecipients discoveries) {
    this.values = values;
    this.discoveries = discoveries;
  }

  /** What could not be read from the form (numbers, choices, CSV lines). */
  List<String> problems() {
    return problems;
  }

  NewMigration settings() {
    String discoveryId = discoveryId();
    String csvText = text(MAILBOXES_CSV);
    MailboxCsv.Parsed csv = MailboxCsv.parse(csvText);
    List<MailboxEntry> mailboxes = csv.mailboxes();
    if (discoveryId != null && (csvText == null || csvText.isBlank())) {
      // No list given: the batch the administrator accepted in the discovery's review.
      mailboxes = discoveries.proposedMailboxes(discoveryId);
    } else {
      csv.problemTexts().forEach(problem -> problems.add(MAILBOXES_CSV + ", " + problem));
      csvLines = csv.lines();
    }
    TargetType targetType = choice(TARGET_TYPE, TargetType.class);
    DnsMode dnsMode = choice(DNS_MODE, DnsMode.class);
    ImapEndpoint source =
        new ImapEndpoint(
            text(SOURCE_HOST),
            number(SOURCE_PORT),
            choice(SOURCE_SECURITY, ConnectionSecurity.class),
            flag(SOURCE_ALLOW_PLAINTEXT),
            choice(SOURCE_AUTH, ImapAuth.class),
            text(SOURCE_ADMIN_USER),
            null,
            text(SOURCE_CREDENTIAL_ID),
            text(SOURCE_TEST_MAILBOX),
            number(MAX_CONCURRENT_MAILBOXES),
            choice(SOURCE_MAILBOX_NAME, MailboxName.class),
            flag(SOURCE_ALLOW_LEGACY_TLS));
    TargetSettings target =
        targetType == TargetType.IMAP
            ? new TargetSettings(
                targetType,
                null,
                null,
                null,
                null,
                null,
                null,
                new ImapEndpoint(
                    text(TARGET_HOST),
                    number(TARGET_PORT),
                    choice(TARGET_SECURITY, ConnectionSecurity.class),
                    flag(TARGET_ALLOW_PLAINTEXT),
                    choice(TARGET_AUTH, ImapAuth.class),
                    text(TARGET_ADMIN_USER),
                    null,
                    text(TARGET_CREDENTIAL_ID),
                    null,
                    null,
                    choice(TARGET_MAILBOX_NAME, MailboxName.class),
                    flag(TARGET_ALLOW_LEGACY_TLS)),
                lines(MX_HOSTS))
            : new TargetSettings(
                targetType,
                text(TENANT_ID),
                text(CLIENT_ID),
                null,
                text(TARGET_CREDENTIAL_ID),
                text(LICENCE_SKU),
                text(USAGE_LOCATION),
                null,
                null);
    DnsSettings dns =
        new DnsSettings(
            dnsMode,
            text(DNS_PROVIDER),
            text(DNS_ZONE),
            text(DNS_SERVER),
            (SecretText) null,
            text(DNS_CREDENTIAL_ID),
            number(MAX_MX_TTL),
            text(AUTODISCOVER_TARGET),
            flag(AUTODISCOVER_OVERWRITE_CONSENT),
            text(SPF_INCLUDE));
    return new NewMigration(
        text(DOMAIN),
        text(BATCH_NAME),
        mailboxes,
        source,
        target,
        dns,
        text(LANGUAGE),
        flag(AUTO_START_BATCH),
        null,
        flag(ALLOW_MAILBOXES_OUTSIDE_DOMAIN),
        discoveryId,
        clientSettings());
  }

  /**
   * The discovery the mailboxes come from: the one named, else the domain's newest accepted one
   * that no migration took; null when the form lists the mailboxes as CSV.
   */
  private String discoveryId() {
    String from = text(MAILBOXES_FROM);
    if (from == null || from.isBlank() || from.strip().equalsIgnoreCase("CSV")) {
      return null;
    }
    if (!from.strip().equalsIgnoreCase("DISCOVERY")) {
      problems.add(
          MAILBOXES_FROM + ": " + RuleMessages.text("cutover.form.choice", "CSV, DISCOVERY"));
      return null;
    }
    String named = text(DISCOVERY_ID);
    if (named != null && !named.isBlank()) {
      return named.strip();
    }
    String domain = text(DOMAIN);
    if (domain == null || domain.isBlank() || discoveries == null) {
      return null;
    }
    return discoveries
        .newestUsable(domain.strip())
        .orElseGet(
            () -> {
              problems.add(DISCOVERY_ID + ": " + RuleMessages.text("cutover.discovery.none"));
              return null;
            });
  }

  /** Unticked, the box leaves the choice to configuration. */
  private ClientSettings clientSettings() {
    return new ClientSettings(
        text(CLIENT_INCOMING_SERVER),
        number(CLIENT_INCOMING_PORT),
        choice(CLIENT_INCOMING_ENCRYPTION, ClientEncryption.class),
        text(CLIENT_OUTGOING_SERVER),
        number(CLIENT_OUTGOING_PORT),
        choice(CLIENT_OUTGOING_ENCRYPTION, ClientEncryption.class),
        text(CLIENT_WEBMAIL_ADDRESS),
        text(CLIENT_SIGN_IN_ADDRESS),
        null,
        flag(CLIENT_ALLOW_UNENCRYPTED) ? Boolean.TRUE : null);
  }

  /**
   * The planned switch as the form gives it: none when neither day nor time is filled in (the zone
   * has a default). A day or time that cannot be read counts as not given, and the rules say what
   * to give.
   */
  SwitchTime plannedSwitch() {
    String date = text(SWITCH_DATE);
    String time = text(SWITCH_TIME);
    if ((date == null || date.isBlank()) && (time == null || time.isBlank())) {
      return null;
    }
    return new SwitchTime(day(date), timeOfDay(time), text(SWITCH_ZONE));
  }

  /** A date field's value: {@code 2026-04-18}, possibly with a time after it. */
  private static LocalDate day(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** A time of day: {@code 18:00}, possibly with seconds. */
  private static LocalTime timeOfDay(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** The form field a problem of {@link NewMigration} (JSON path) belongs to, with the message. */
  String describe(SettingsProblem problem) {
    Matcher mailbox = MAILBOX_PATH.matcher(problem.path());
    if (mailbox.matches()) {
      int index = Integer.parseInt(mailbox.group(1));
      String line = index < csvLines.size() ? String.valueOf(csvLines.get(index)) : "?";
      return MAILBOXES_CSV + ", " + RuleMessages.text("cutover.csv.line", line, problem.message());
    }
    return field(problem.path().substring(2)) + ": " + problem.message();
  }

  private static String field(String path) {
    if (path.startsWith("source.")) {
      return endpointField("source", path.substring("source.".length()));
    }
    if (path.startsWith("target.endpoint.")) {
      return endpointField("target", path.substring("target.endpoint.".length()));
    }
    if (path.startsWith("target.")) {
      return switch (path.substring("target.".length())) {
        case "type" -> TARGET_TYPE;
        case "clientSecret", "credentialId" -> TARGET_CREDENTIAL_ID;
        case "endpoint" -> TARGET_HOST;
        default ->
            path.startsWith("target." + MX_HOSTS) ? MX_HOSTS : path.substring("target.".length());
      };
    }
    if (path.startsWith("plannedSwitch")) {
      return switch (path) {
        case "plannedSwitch.time" -> SWITCH_TIME;
        case "plannedSwitch.zone" -> SWITCH_ZONE;
        default -> SWITCH_DATE;
      };
    }
    if (path.startsWith("clientSettings.")) {
      return "client" + capitalized(path.substring("clientSettings.".length()));
    }
    if (path.startsWith("dns.")) {
      String rest = path.substring("dns.".length());
      return switch (rest) {
        case "credentials", "credentialId" -> DNS_CREDENTIAL_ID;
        case "maxMxTtl", "autodiscoverTarget", "autodiscoverOverwriteConsent", "spfInclude" -> rest;
        default -> "dns" + capitalized(rest);
      };
    }
    return switch (path) {
      case "mailboxes" -> MAILBOXES_CSV;
      case "source" -> SOURCE_HOST;
      case "target" -> TARGET_TYPE;
      case "dns" -> DNS_MODE;
      default -> path;
    };
  }

  private static String endpointField(String side, String rest) {
    return switch (rest) {
      case "password", "credentialId" -> side + "CredentialId";
      case "maxConcurrentMailboxes" -> MAX_CONCURRENT_MAILBOXES;
      default -> side + capitalized(rest);
    };
  }

  private static String capitalized(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private String text(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    problems.add(name + ": " + RuleMessages.text("cutover.form.text"));
    return null;
  }

  /** A list given one entry per line (commas and semicolons also separate); blanks dropped. */
  private List<String> lines(String name) {
    String value = text(name);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split("[\\r\\n,;]+"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private boolean flag(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    if (value instanceof String text
        && (text.isBlank() || text.strip().matches("(?i)true|false"))) {
      return Boolean.parseBoolean(text.strip());
    }
    problems.add(name + ": " + RuleMessages.text("cutover.form.flag"));
    return false;
  }

  private Integer number(String name) {
    Object value = values.get(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      if (value instanceof Number number) {
        double exact = number.doubleValue();
        if (exact != Math.rint(exact) || Math.abs(exact) > Integer.MAX_VALUE) {
          throw new NumberFormatException();
        }
        return (int) exact;
      }
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException notWhole) {
      problems.add(name + ": " + RuleMessages.text("cutover.form.number"));
      return null;
    }
  }

  private <E extends Enum<E>> E choice(String name, Class<E> type) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    problems.add(
        name
            + ": "
            + RuleMessages.text(
                "cutover.form.choice",
                String.join(
                    ", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
    return null;
  }
}
