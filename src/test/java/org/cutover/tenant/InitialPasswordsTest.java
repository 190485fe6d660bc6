package org.cutover.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** Initial passwords: chosen once per user, kept through failed steps, handed out once. */
class InitialPasswordsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private MemorySecretStore secrets;
  private PasswordDatabase database;
  private InitialPasswords passwords;

  /** The database the test runs on: a fresh in-memory H2 one. */
  PasswordDatabase database() {
    return new PasswordDatabase();
  }

  @BeforeEach
  void setUp() {
    secrets = new MemorySecretStore();
    database = database();
    passwords = database.passwords(secrets, clock);
  }

  @Test
  void everyTryForOneUserGetsTheSamePassword() {
    InitialPasswords.Prepared first = passwords.prepare("m-1", "mb-1", "anna@contoso.com", "Anna");
    InitialPasswords.Prepared second = passwords.prepare("m-1", "mb-1", "anna@contoso.com", "Anna");

    assertThat(first.fromEarlierTry()).isFalse();
    assertThat(second.fromEarlierTry()).isTrue();
    assertThat(second.password()).isEqualTo(first.password());
    assertThat(secrets.size()).isEqualTo(1);
  }

  @Test
  void aPreparedPasswordOutlivesTheStepsRolledBackTransaction() {
    TransactionTemplate step = new TransactionTemplate(database.transactions);

    step.executeWithoutResult(
        status -> {
          passwords.prepare("m-1", "mb-1", "anna@contoso.com", "Anna");
          passwords.confirmCreated("mb-1");
          status.setRollbackOnly();
        });

    assertThat(passwords.handOut("m-1")).isInstanceOf(InitialPasswords.HandOut.Csv.class);
  }

  @Test
  void onlyCreatedUsersAreHandedOutAndLaterOnesInTheNextHandOut() {
    passwords.prepare("m-1", "mb-1", "anna@contoso.com", "Anna, Jensen");
    passwords.confirmCreated("mb-1");
    passwords.prepare("m-1", "mb-2", "bo@contoso.com", null);
    passwords.prepare("m-2", "mb-9", "x@fabrikam.com", "X");
    passwords.confirmCreated("mb-9");

    InitialPasswords.HandOut first = passwords.handOut("m-1");
    assertThat(first)
        .isInstanceOfSatisfying(
            InitialPasswords.HandOut.Csv.class,
            csv -> {
              assertThat(csv.users()).isEqualTo(1);
              assertThat(csv.text())
                  .startsWith(
                      "EmailAddress,DisplayName,InitialPassword\r\n"
                          + "anna@contoso.com,\"Anna, Jensen\",")
                  .doesNotContain("bo@contoso.com");
            });

    clock.advance(Duration.ofMinutes(5));
    passwords.confirmCreated("mb-2");
    assertThat(passwords.handOut("m-1"))
        .isInstanceOfSatisfying(
            InitialPasswords.HandOut.Csv.class,
            csv ->
                assertThat(csv.text())
                    .contains("bo@contoso.com,,")
                    .doesNotContain("anna@contoso.com"));
    assertThat(passwords.handOut("m-1"))
        .isEqualTo(new InitialPasswords.HandOut.AlreadyTaken(clock.instant()));
    assertThat(secrets.size()).isEqualTo(1);
    assertThat(passwords.handOut("m-3")).isEqualTo(new InitialPasswords.HandOut.None());
  }

  @Test
  void aDiscardedPasswordIsDeleted() {
    passwords.prepare("m-1", "mb-1", "anna@contoso.com", "Anna");

    passwords.discard("mb-1");

    assertThat(secrets.size()).isZero();
    assertThat(secrets.deleted).hasSize(1);
    assertThat(passwords.prepare("m-1", "mb-1", "anna@contoso.com", "Anna").fromEarlierTry())
        .isFalse();
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenTheyNeedIt() {
    assertThat(InitialPasswords.field("plain")).isEqualTo("plain");
    assertThat(InitialPasswords.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(InitialPasswords.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(InitialPasswords.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void generatedPasswordsHaveEveryKindOfCharacterAndNoLeadingSymbol() {
    PasswordGenerator generator = new PasswordGenerator(16);
    for (int i = 0; i < 500; i++) {
      String password = new String(generator.next());
      assertThat(password).hasSize(16);
      assertThat(password).containsPattern("[A-Z]").containsPattern("[a-z]");
      assertThat(password).containsPattern("[0-9]").containsPattern("[!#$%*+\\-=?@_]");
      assertThat(password).doesNotContain(",", "\"", "'", " ");
      assertThat(Character.isLetterOrDigit(password.charAt(0))).as(password).isTrue();
    }
  }
}
