package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The letters capability exists exactly when an SMTP server is configured. */
class LettersCapabilityTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(LetterProperties.class)
  static class Letters {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withUserConfiguration(
              Letters.class, LetterConfiguration.class, SmtpUserLetters.class, Capabilities.class)
          .withBean(MigrationStore.class, () -> mock(MigrationStore.class))
          .withBean(
              org.cutover.migration.recipients.LetterAudience.class,
              () -> mock(org.cutover.migration.recipients.LetterAudience.class))
          .withBean(LetterRecords.class, () -> mock(LetterRecords.class))
          .withBean(LetterDesk.class, () -> mock(LetterDesk.class))
          .withPropertyValues(
              "cutover.letters.from=it@contoso.com",
              "cutover.letters.administrator-email=admin@contoso.com");

  @Test
  void lettersAreMissingWithoutAnSmtpServer() {
    context.run(
        app -> {
          assertThat(app).doesNotHaveBean(UserLetters.class);
          assertThat(app.getBean(Capabilities.class).missing()).contains(Capability.LETTERS);
        });
  }

  @Test
  void lettersAreAvailableWithAnSmtpServer() {
    context
        .withPropertyValues("spring.mail.host=smtp.contoso.com", "spring.mail.port=587")
        .run(
            app -> {
              assertThat(app).hasSingleBean(UserLetters.class);
              assertThat(app.getBean(Capabilities.class).missing())
                  .doesNotContain(Capability.LETTERS);
            });
  }

  @Test
  void anSmtpServerWithoutTheSenderAddressStopsTheStart() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
        .withUserConfiguration(Letters.class, LetterConfiguration.class, SmtpUserLetters.class)
        .withBean(MigrationStore.class, () -> mock(MigrationStore.class))
        .withBean(
            org.cutover.migration.recipients.LetterAudience.class,
            () -> mock(org.cutover.migration.recipients.LetterAudience.class))
        .withBean(LetterRecords.class, () -> mock(LetterRecords.class))
        .withBean(LetterDesk.class, () -> mock(LetterDesk.class))
        .withPropertyValues(
            "spring.mail.host=smtp.contoso.com",
            "cutover.letters.administrator-email=admin@contoso.com")
        .run(
            app ->
                assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "Letters are sent through spring.mail.host, but cutover.letters.from is"
                            + " not set: set it to a mail address"));
  }

  @Test
  void theMissingCapabilityNamesWhatToSet() {
    assertThat(Capability.LETTERS.describeMissing())
        .isEqualTo(
            "Sending letters to users is not available on this node (no UserLetters): set"
                + " spring.mail.host (with spring.mail.port, spring.mail.username and"
                + " spring.mail.password as the SMTP server needs), cutover.letters.from and"
                + " cutover.letters.administrator-email.");
  }
}
