package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The start form's values are read as given: no number becomes text, no -1 becomes false. */
class StartFormFieldsTest {

  @BeforeEach
  void english() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void readsTheOutsideDomainConsentAsAYesOrNo() {
    Map<String, Object> form = form();
    form.put(StartFormFields.ALLOW_MAILBOXES_OUTSIDE_DOMAIN, true);

    StartFormFields fields = new StartFormFields(form);

    assertThat(fields.settings().allowMailboxesOutsideDomain()).isTrue();
    assertThat(fields.problems()).isEmpty();
    assertThat(new StartFormFields(form()).settings().allowMailboxesOutsideDomain()).isFalse();
  }

  @Test
  void refusesAYesOrNoThatIsNeither() {
    Map<String, Object> form = form();
    form.put(StartFormFields.SOURCE_ALLOW_PLAINTEXT, -1);
    form.put(StartFormFields.AUTO_START_BATCH, "yes");

    StartFormFields fields = new StartFormFields(form);
    fields.settings();

    assertThat(fields.problems())
        .containsExactlyInAnyOrder(
            "sourceAllowPlaintext: must be true or false", "autoStartBatch: must be true or false");
  }

  @Test
  void refusesANumberWhereTextBelongs() {
    Map<String, Object> form = form();
    form.put(StartFormFields.BATCH_NAME, 5);
    form.put(StartFormFields.SOURCE_SECURITY, 0);

    StartFormFields fields = new StartFormFields(form);
    fields.settings();

    assertThat(fields.problems())
        .containsExactlyInAnyOrder("batchName: must be text", "sourceSecurity: must be text");
  }

  @Test
  void refusesAFractionForAPort() {
    Map<String, Object> form = form();
    form.put(StartFormFields.SOURCE_PORT, 1.5);

    StartFormFields fields = new StartFormFields(form);
    fields.settings();

    assertThat(fields.problems()).containsExactly("sourcePort: must be a whole number");
  }

  private static Map<String, Object> form() {
    Map<String, Object> form = new HashMap<>();
    form.put(StartFormFields.DOMAIN, "contoso.com");
    form.put(StartFormFields.BATCH_NAME, "wave-1");
    form.put(StartFormFields.MAILBOXES_CSV, "anna@contoso.com\nbo@fabrikam.com\n");
    form.put(StartFormFields.SOURCE_HOST, "mail.contoso.com");
    form.put(StartFormFields.SOURCE_SECURITY, "IMPLICIT_TLS");
    form.put(StartFormFields.SOURCE_ALLOW_PLAINTEXT, false);
    form.put(StartFormFields.AUTO_START_BATCH, true);
    form.put(StartFormFields.TARGET_TYPE, "MICROSOFT_365");
    form.put(StartFormFields.DNS_MODE, "GUIDED");
    return form;
  }
}
