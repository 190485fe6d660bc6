package org.cutover.migration.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cutover.directory.RecipientKind;
import org.cutover.migration.recipients.StoredRecipient;
import org.cutover.tenant.TenantRecipient;
import org.junit.jupiter.api.Test;

class ExchangeOnlineScriptTest {

  static final String DOMAIN = "contoso.com";
  static final String LEGACY_DN =
      "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=sales";

  static StoredRecipient recipient(
      RecipientKind kind, String name, String primary, List<String> aliases, List<String> members) {
    return new StoredRecipient(
        "r-" + primary,
        kind,
        name,
        primary,
        aliases,
        List.of(),
        null,
        null,
        List.of(),
        members,
        false,
        null);
  }

  static StoredRecipient shared() {
    return new StoredRecipient(
        "r-sales",
        RecipientKind.SHARED_MAILBOX,
        "Sales",
        "sales@contoso.com",
        List.of("salg@contoso.com", "sales@fabrikam.com"),
        List.of("/o=Old/cn=sales"),
        LEGACY_DN,
        null,
        List.of(),
        List.of(),
        false,
        null);
  }

  static TenantRecipient found(String kind, Set<String> proxies, Set<String> members) {
    return new TenantRecipient(true, kind, proxies, members);
  }

  static TenantRecipient absent() {
    return new TenantRecipient(false, null, Set.of(), Set.of());
  }

  @Test
  void isEmptyWhenTheTargetHasEverything() {
    RecipientGap gap =
        TargetGaps.of(
            shared(),
            DOMAIN,
            found(
                "shared",
                Set.of(
                    "SMTP:sales@contoso.com",
                    "smtp:SALG@contoso.com",
                    "X500:/o=Old/cn=sales",
                    "x500:" + LEGACY_DN),
                Set.of()));

    assertThat(gap.isEmpty()).isTrue();
    assertThat(ExchangeOnlineScript.render("m-1", DOMAIN, List.of(gap))).isEmpty();
    assertThat(ExchangeOnlineScript.render("m-1", DOMAIN, List.of())).isEmpty();
  }

  @Test
  void convertsTheMailboxAndAddsOnlyTheMissingAddressesEachGuarded() {
    RecipientGap gap =
        TargetGaps.of(shared(), DOMAIN, found("user", Set.of("SMTP:sales@contoso.com"), Set.of()));

    String script = ExchangeOnlineScript.render("m-1", DOMAIN, List.of(gap));

    assertThat(script)
        .startsWith("# Cutover")
        .contains("Connect-ExchangeOnline\n")
        .contains(
            "$mailbox = Get-Mailbox -Identity 'sales@contoso.com' -ErrorAction SilentlyContinue")
        .contains(
            "if (-not $mailbox) { $mailbox = New-Mailbox -Shared -Name 'Sales' -DisplayName"
                + " 'Sales' -PrimarySmtpAddress 'sales@contoso.com' }")
        .contains(
            "if ($mailbox.RecipientTypeDetails -ne 'SharedMailbox') { Set-Mailbox -Identity"
                + " 'sales@contoso.com' -Type Shared }")
        .contains(
            "foreach ($address in @('smtp:salg@contoso.com', 'X500:/o=Old/cn=sales', 'X500:"
                + LEGACY_DN
                + "')) {")
        .contains(
            "  if ($mailbox.EmailAddresses -notcontains $address) { Set-Mailbox -Identity"
                + " 'sales@contoso.com' -EmailAddresses @{Add=$address} }")
        // another domain's alias is not this tenant's to add
        .doesNotContain("fabrikam");
  }

  @Test
  void roomAndEquipmentMailboxesGetTheirOwnType() {
    StoredRecipient room =
        recipient(
            RecipientKind.ROOM_MAILBOX, "Board room", "board@contoso.com", List.of(), List.of());
    StoredRecipient van =
        recipient(RecipientKind.EQUIPMENT_MAILBOX, "Van", "van@contoso.com", List.of(), List.of());

    String script =
        ExchangeOnlineScript.render(
            "m-1",
            DOMAIN,
            List.of(
                TargetGaps.of(room, DOMAIN, found("user", Set.of(), Set.of())),
                TargetGaps.of(van, DOMAIN, absent())));

    assertThat(script)
        .contains("-ne 'RoomMailbox') { Set-Mailbox -Identity 'board@contoso.com' -Type Room }")
        .contains("New-Mailbox -Equipment -Name 'Van'")
        .contains(
            "-ne 'EquipmentMailbox') { Set-Mailbox -Identity 'van@contoso.com' -Type Equipment }");
  }

  @Test
  void createsAGroupOnlyWhenAbsentAndAddsOnlyMissingMembers() {
    StoredRecipient group =
        recipient(
            RecipientKind.SECURITY_GROUP,
            "Finance",
            "finance@contoso.com",
            List.of("økonomi@contoso.com"),
            List.of("anna@contoso.com", "bo@contoso.com"));

    RecipientGap gap =
        TargetGaps.of(
            group,
            DOMAIN,
            found(
                "security group", Set.of("SMTP:finance@contoso.com"), Set.of("anna@contoso.com")));
    String script = ExchangeOnlineScript.render("m-1", DOMAIN, List.of(gap));

    assertThat(gap.members()).containsExactly("bo@contoso.com");
    assertThat(script)
        .contains(
            "$group = Get-DistributionGroup -Identity 'finance@contoso.com' -ErrorAction"
                + " SilentlyContinue")
        .contains(
            "if (-not $group) { $group = New-DistributionGroup -Name 'Finance' -DisplayName"
                + " 'Finance' -PrimarySmtpAddress 'finance@contoso.com' -Type Security }")
        .contains("Set-DistributionGroup -Identity 'finance@contoso.com' -EmailAddresses")
        .contains("'smtp:økonomi@contoso.com'")
        .contains(
            "Get-DistributionGroupMember -Identity 'finance@contoso.com' -ResultSize Unlimited")
        .contains("foreach ($member in @('bo@contoso.com')) {")
        .contains(
            "if ($members -notcontains $member) { Add-DistributionGroupMember -Identity"
                + " 'finance@contoso.com' -Member $member }")
        .doesNotContain("'anna@contoso.com'");
  }

  @Test
  void aDistributionGroupIsNotASecurityGroup() {
    StoredRecipient group =
        recipient(
            RecipientKind.DISTRIBUTION_GROUP,
            "All",
            "all@contoso.com",
            List.of(),
            List.of("anna@contoso.com"));

    String script =
        ExchangeOnlineScript.render("m-1", DOMAIN, List.of(TargetGaps.of(group, DOMAIN, absent())));

    assertThat(script)
        .contains("-PrimarySmtpAddress 'all@contoso.com' }")
        .doesNotContain("Security");
  }

  @Test
  void createsAMailContactByItsOutsideAddress() {
    StoredRecipient contact =
        new StoredRecipient(
            "r-c",
            RecipientKind.MAIL_CONTACT,
            "Partner",
            "partner@fabrikam.com",
            List.of("partner@contoso.com"),
            List.of(),
            null,
            "partner@fabrikam.com",
            List.of(),
            List.of(),
            false,
            null);

    String script =
        ExchangeOnlineScript.render(
            "m-1", DOMAIN, List.of(TargetGaps.of(contact, DOMAIN, absent())));

    assertThat(script)
        .contains("$contact = Get-MailContact -Identity 'partner@fabrikam.com'")
        .contains(
            "New-MailContact -Name 'Partner' -DisplayName 'Partner' -ExternalEmailAddress"
                + " 'partner@fabrikam.com' }")
        .contains(
            "Set-MailContact -Identity 'partner@fabrikam.com' -EmailAddresses @{Add=$address}")
        .contains("'smtp:partner@contoso.com'");
  }

  @Test
  void quotesApostrophesTypographicQuotesAndDollarsSoNoNameBecomesCode() {
    StoredRecipient group =
        recipient(
            RecipientKind.DISTRIBUTION_GROUP,
            "O'Brien’s $(Remove-Mailbox x) team\nWrite-Host pwned",
            "obrien@contoso.com",
            List.of(),
            List.of());

    String script =
        ExchangeOnlineScript.render("m-1", DOMAIN, List.of(TargetGaps.of(group, DOMAIN, absent())));

    assertThat(ExchangeOnlineScript.quoted("O'Brien")).isEqualTo("'O''Brien'");
    assertThat(ExchangeOnlineScript.quoted("a’b‘c‚d‛e")).isEqualTo("'a’’b‘‘c‚‚d‛‛e'");
    assertThat(script)
        .contains("-Name 'O''Brien’’s $(Remove-Mailbox x) team Write-Host pwned'")
        .doesNotContain("\nWrite-Host pwned");
    // Every line is a comment, a statement of the script, or blank: the name broke no line.
    assertThat(script.lines().filter(l -> l.startsWith("Write-Host pwned"))).isEmpty();
  }

  @Test
  void sayingItIsMissingTwiceGivesTheSameScriptAndEveryChangeIsGuarded() {
    RecipientGap gap = TargetGaps.of(shared(), DOMAIN, absent());

    String first = ExchangeOnlineScript.render("m-1", DOMAIN, List.of(gap));
    String again = ExchangeOnlineScript.render("m-1", DOMAIN, List.of(gap));

    assertThat(first).isEqualTo(again);
    // Idempotent: each command that changes something sits behind a test of what is there.
    first
        .lines()
        .filter(
            l ->
                l.contains("New-")
                    || l.contains("Set-Mailbox")
                    || l.contains("Add-DistributionGroupMember"))
        .forEach(l -> assertThat(l.strip()).as(l).startsWith("if ("));
  }
}
