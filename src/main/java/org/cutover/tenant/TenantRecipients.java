package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tenant's mailboxes, groups and contacts through Microsoft Graph v1.0, to verify what
 * the Exchange Online script provisioned: Graph can read but not write proxy addresses, mailbox
 * types, distribution groups, mail-enabled security groups and mail contacts.
 */
final class TenantRecipients {

  static final String USERS = "User.Read.All";
  static final String MAILBOX_SETTINGS = "MailboxSettings.Read";
  static final String GROUPS = "GroupMember.Read.All";
  static final String CONTACTS = "OrgContact.Read.All";

  private final GraphApi graph;

  TenantRecipients(GraphApi graph) {
    this.graph = graph;
  }

  /**
   * A mailbox or mail user by its user principal name ({@code GET /users?$filter= userPrincipalName
   * eq …&$select=id,userPrincipalName,mail,proxyAddresses}), with its mailbox's purpose ({@code GET
   * /users/{id}/mailboxSettings}); a user whose mailbox settings answer 404 has no mailbox: a mail
   * user.
   */
  TenantRecipient mailbox(Microsoft365App app, String address) {
    JsonNode user =
        first(
            app,
            "/users?$filter="
                + GraphApi.query("userPrincipalName eq ")
                + GraphApi.literal(address)
                + "&$select=id,userPrincipalName,mail,proxyAddresses",
            USERS,
            address);
    if (user == null) {
      return TenantRecipient.absent();
    }
    GraphResponse settings =
        graph.get(
            app,
            "/users/" + GraphApi.segment(user.path("id").asText()) + "/mailboxSettings",
            MAILBOX_SETTINGS);
    String kind;
    if (settings.ok()) {
      kind = settings.body().path("userPurpose").asText("user");
    } else if (settings.status() == 404) {
      kind = "mail user";
    } else {
      throw new TargetNeedsAdministrator(
          "Cutover could not read the mailbox settings of " + address + ": " + settings.describe());
    }
    return new TenantRecipient(true, kind, texts(user.path("proxyAddresses")), Set.of());
  }

  /**
   * A mail-enabled group by its address ({@code GET /groups?$filter=mail eq …}) with the mail
   * addresses of its direct members ({@code GET /groups/{id}/members}, every page).
   */
  TenantRecipient group(Microsoft365App app, String address) {
    JsonNode group =
        first(
            app,
            "/groups?$filter="
                + GraphApi.query("mail eq ")
                + GraphApi.literal(address)
                + "&$select=id,displayName,mail,mailEnabled,securityEnabled,groupTypes,proxyAddresses",
            GROUPS,
            address);
    if (group == null || !group.path("mailEnabled").asBoolean(false)) {
      return TenantRecipient.absent();
    }
    Set<String> members = new HashSet<>();
    for (JsonNode member :
        graph.all(
            app,
            "/groups/" + GraphApi.segment(group.path("id").asText()) + "/members?$select=id,mail",
            Map.of(),
            GROUPS,
            refused ->
                new TargetNeedsAdministrator(
                    "Cutover could not read the members of "
                        + address
                        + ": "
                        + refused.describe()))) {
      String mail = member.path("mail").asText("");
      if (!mail.isBlank()) {
        members.add(mail);
      }
    }
    String kind = group.path("securityEnabled").asBoolean(false) ? "security group" : "group";
    return new TenantRecipient(true, kind, texts(group.path("proxyAddresses")), members);
  }

  /** An organisational contact by its address ({@code GET /contacts?$filter=mail eq …}). */
  TenantRecipient contact(Microsoft365App app, String address) {
    JsonNode contact =
        first(
            app,
            "/contacts?$filter="
                + GraphApi.query("mail eq ")
                + GraphApi.literal(address)
                + "&$select=id,displayName,mail,proxyAddresses",
            CONTACTS,
            address);
    return contact == null
        ? TenantRecipient.absent()
        : new TenantRecipient(true, "contact", texts(contact.path("proxyAddresses")), Set.of());
  }

  private JsonNode first(Microsoft365App app, String path, String permission, String address) {
    GraphResponse found = graph.get(app, path, permission);
    if (!found.ok()) {
      throw new TargetNeedsAdministrator(
          "Cutover could not look up " + address + " in the tenant: " + found.describe());
    }
    JsonNode values = found.body().path("value");
    return values.isEmpty() ? null : values.get(0);
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
