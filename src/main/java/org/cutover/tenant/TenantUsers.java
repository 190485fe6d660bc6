package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users in the tenant: found by user principal name, created when absent (never twice), given a
 * usage location and then the licence, and watched until Exchange Online has made their mailbox.
 */
final class TenantUsers {

  static final String READ_WRITE = "User.ReadWrite.All";
  static final String MAILBOX_SETTINGS = "MailboxSettings.Read";

  private static final Logger log = LoggerFactory.getLogger(TenantUsers.class);

  private final GraphApi graph;
  private final InitialPasswords passwords;

  TenantUsers(GraphApi graph, InitialPasswords passwords) {
    this.graph = graph;
    this.passwords = passwords;
  }

  Optional<TenantUser> find(Microsoft365App app, String address) {
    GraphResponse found =
        graph.get(
            app,
            "/users?$filter="
                + GraphApi.query("userPrincipalName eq ")
                + GraphApi.literal(address)
                + "&$select="
                + TenantUser.SELECT,
            READ_WRITE);
    if (!found.ok()) {
      throw new TargetNeedsAdministrator(
          "Cutover could not look up the user " + address + ": " + found.describe());
    }
    JsonNode users = found.body().path("value");
    return users.isEmpty() ? Optional.empty() : Optional.of(TenantUser.of(users.get(0)));
  }

  /** Creates the user with an initial password that must be changed at the first sign-in. */
  TenantUser create(Microsoft365App app, MailboxToProvision mailbox, String usageLocation) {
    InitialPasswords.Prepared prepared =
        passwords.prepare(
            mailbox.migrationId(), mailbox.mailboxId(), mailbox.address(), mailbox.displayName());
    GraphResponse created;
    try {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("accountEnabled", true);
      user.put("displayName", mailbox.shownName());
      user.put("mailNickname", mailNickname(mailbox.address()));
      user.put("userPrincipalName", mailbox.address());
      user.put("mail", mailbox.address());
      user.put("usageLocation", usageLocation);
      user.put(
          "passwordProfile",
          Map.of(
              "forceChangePasswordNextSignIn", true, "password", new String(prepared.password())));
      created = graph.post(app, "/users", user, READ_WRITE);
    } finally {
      Arrays.fill(prepared.password(), '\0');
    }
    if (created.ok()) {
      passwords.confirmCreated(mailbox.mailboxId());
      log.info(
          "Migration {}: user {} created in tenant {}",
          mailbox.migrationId(),
          mailbox.address(),
          app.tenantId());
      TenantUser user = TenantUser.of(created.body());
      return new TenantUser(user.id(), user.userPrincipalName(), usageLocation, user.skuIds());
    }
    if (created.status() == 400 && conflict(created)) {
      Optional<TenantUser> existing = find(app, mailbox.address());
      if (existing.isPresent()) {
        if (prepared.fromEarlierTry()) {
          passwords.confirmCreated(mailbox.mailboxId());
        } else {
          passwords.discard(mailbox.mailboxId());
        }
        return existing.get();
      }
      passwords.discard(mailbox.mailboxId());
      throw new TargetNeedsAdministrator(
          "Microsoft 365 refused to create the user "
              + mailbox.address()
              + " because another object already uses that address ("
              + created.describe()
              + "): remove the address from the other user, group or contact (as its mail or"
              + " alias), then retry the step");
    }
    passwords.discard(mailbox.mailboxId());
    throw new TargetNeedsAdministrator(
        "Microsoft 365 refused to create the user "
            + mailbox.address()
            + " ("
            + created.describe()
            + "). "
            + createAdvice(created));
  }

  /**
   * Sets the usage location (when the user has none) and assigns the licence.
   *
   * @throws TargetNeedsAdministrator when it cannot be assigned, saying why
   */
  void license(
      Microsoft365App app, TenantUser user, String skuId, String licence, String usageLocation) {
    if (assign(app, user, skuId, licence, usageLocation) instanceof LicenceOutcome.Failed failed) {
      throw new TargetNeedsAdministrator(failed.reason());
    }
  }

  /**
   * Gives the user the licence unless it holds it: sets the usage location first when the user has
   * none (or Graph says it is invalid), then {@code POST /users/{id}/assignLicense}.
   *
   * @throws TargetUnavailable when Graph cannot be reached or stays throttled
   */
  LicenceOutcome assign(
      Microsoft365App app, TenantUser user, String skuId, String licence, String usageLocation) {
    String address = user.userPrincipalName();
    if (user.holds(skuId)) {
      return new LicenceOutcome.AlreadyHeld(address);
    }
    try {
      if (user.usageLocation() == null) {
        setUsageLocation(app, user, usageLocation);
      }
      GraphResponse assigned = assignLicense(app, user, skuId);
      if (!assigned.ok()
          && assigned.status() == 400
          && assigned.errorMessage().toLowerCase(Locale.ROOT).contains("usage location")) {
        setUsageLocation(app, user, usageLocation);
        assigned = assignLicense(app, user, skuId);
      }
      if (assigned.ok()) {
        log.info("User {} in tenant {} given licence {}", address, app.tenantId(), licence);
        return new LicenceOutcome.Assigned(address);
      }
      String message = assigned.errorMessage().toLowerCase(Locale.ROOT);
      if (message.contains("available licen") || message.contains("countviolation")) {
        return new LicenceOutcome.Failed(
            address,
            "No free licence "
                + licence
                + " is left for "
                + address
                + " ("
                + assigned.describe()
                + "): buy more licences or free some in the Microsoft 365 admin center, then"
                + " retry");
      }
      return new LicenceOutcome.Failed(
          address,
          "Microsoft 365 did not give "
              + address
              + " the licence "
              + licence
              + " ("
              + assigned.describe()
              + "): fix what it names in the Microsoft 365 admin center, then retry");
    } catch (TargetNeedsAdministrator refused) {
      return new LicenceOutcome.Failed(address, refused.getMessage());
    }
  }

  /**
   * The user with its licences, read by {@code GET /users/{upn}?$select=...}; empty when the tenant
   * has no such user.
   */
  Optional<TenantUser> read(Microsoft365App app, String address) {
    GraphResponse found =
        graph.get(
            app,
            "/users/" + GraphApi.segment(address) + "?$select=" + TenantUser.SELECT,
            READ_WRITE);
    if (found.status() == 404) {
      return Optional.empty();
    }
    if (!found.ok()) {
      throw new TargetNeedsAdministrator(
          "Cutover could not read the licences of " + address + ": " + found.describe());
    }
    return Optional.of(TenantUser.of(found.body()));
  }

  /**
   * Whether Exchange Online has made the user's mailbox: {@code GET /users/{id}/mailboxSettings}
   * answers 200 once it has, 404 MailboxNotEnabledForRESTAPI before.
   */
  boolean mailboxReady(Microsoft365App app, TenantUser user) {
    GraphResponse settings =
        graph.get(
            app, "/users/" + GraphApi.segment(user.id()) + "/mailboxSettings", MAILBOX_SETTINGS);
    if (settings.ok()) {
      return true;
    }
    if (settings.status() == 404) {
      return false;
    }
    throw new TargetNeedsAdministrator(
        "Cutover could not check the mailbox of "
            + user.userPrincipalName()
            + ": "
            + settings.describe());
  }

  private GraphResponse assignLicense(Microsoft365App app, TenantUser user, String skuId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("addLicenses", List.of(Map.of("skuId", skuId, "disabledPlans", List.of())));
    body.put("removeLicenses", List.of());
    return graph.post(
        app, "/users/" + GraphApi.segment(user.id()) + "/assignLicense", body, READ_WRITE);
  }

  private void setUsageLocation(Microsoft365App app, TenantUser user, String usageLocation) {
    GraphResponse updated =
        graph.patch(
            app,
            "/users/" + GraphApi.segment(user.id()),
            Map.of("usageLocation", usageLocation),
            READ_WRITE);
    if (!updated.ok()) {
      throw new TargetNeedsAdministrator(
          "Microsoft 365 did not set the usage location "
              + usageLocation
              + " of "
              + user.userPrincipalName()
              + " ("
              + updated.describe()
              + "); a licence needs one: set it in the Microsoft 365 admin center, then retry the"
              + " step");
    }
  }

  private static boolean conflict(GraphResponse response) {
    return response.detailCodes().contains("ObjectConflict")
        || response.errorMessage().toLowerCase(Locale.ROOT).contains("already exists");
  }

  private static String createAdvice(GraphResponse response) {
    String message = response.errorMessage().toLowerCase(Locale.ROOT);
    if (message.contains("domain portion")) {
      return "The address's domain is not a verified domain of the tenant: verify it (the"
          + " runbook's domain step does this for the migrated domain), then retry the step";
    }
    if (message.contains("password")) {
      return "The tenant's password policy refused the generated password: raise"
          + " cutover.tenant.initial-password-length, then retry the step";
    }
    return "Fix what it names, then retry the step";
  }

  /**
   * The mail alias: the address's local part in the characters Exchange takes everywhere (letters,
   * digits, '.', '-', '_'), at most 64 long.
   */
  static String mailNickname(String address) {
    String local = address.substring(0, address.lastIndexOf('@'));
    StringBuilder nickname = new StringBuilder();
    for (char c : local.toCharArray()) {
      boolean plain =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      nickname.append(plain ? c : '_');
    }
    String result = nickname.toString().replaceAll("^\\.+|\\.+$", "");
    if (result.isEmpty()) {
      result = "user";
    }
    return result.length() > 64 ? result.substring(0, 64) : result;
  }
}
