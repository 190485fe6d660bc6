package org.cutover.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LetterEditTest {

  private static final Set<String> PLACEHOLDERS = SampleFacts.PLACEHOLDERS;

  @Test
  void acceptsAnEditUsingKnownPlaceholders() {
    LetterEdit edit =
        new LetterEdit("Mail for {{ domain }} moves", "Dear {{displayName}} ({{emailAddress}})\n");

    assertThat(edit.problems(PLACEHOLDERS)).isEmpty();
  }

  @Test
  void refusesABlankSubjectAndBody() {
    assertThat(new LetterEdit(" ", null).problems(PLACEHOLDERS))
        .containsExactly(
            new LetterEdit.Problem(
                "subject",
                "must not be blank: give the letter a subject",
                "Emnet må ikke være tomt: giv brevet et emne"),
            new LetterEdit.Problem(
                "body",
                "must not be blank: give the text of the letter",
                "Teksten må ikke være tom: skriv brevets tekst"));
  }

  @Test
  void refusesTooLongOrMultiLineSubjectsAndTooLongBodies() {
    LetterEdit edit =
        new LetterEdit("a".repeat(LetterEdit.MAX_SUBJECT_LENGTH) + "\nb", "x".repeat(20_001));

    assertThat(edit.problems(PLACEHOLDERS))
        .extracting(LetterEdit.Problem::message)
        .containsExactly(
            "must be at most 200 characters long",
            "must be one line: remove the line breaks",
            "must be at most 20000 characters long");
  }

  @Test
  void namesUnknownPlaceholdersAndTheKnownOnes() {
    LetterEdit edit = new LetterEdit("Hello {{firstName}}", "Moves on {{switchDate}} and {{day}}");

    assertThat(edit.problems(new LinkedHashSet<>(List.of("displayName", "emailAddress"))))
        .containsExactly(
            new LetterEdit.Problem(
                "subject",
                "uses placeholder {{firstName}}, which letters do not have; the placeholders are"
                    + " {{displayName}}, {{emailAddress}}",
                "Emnet bruger pladsholderen {{firstName}}, som breve ikke har; pladsholderne er"
                    + " {{displayName}}, {{emailAddress}}"),
            new LetterEdit.Problem(
                "body",
                "uses placeholders {{switchDate}}, {{day}}, which letters do not have; the"
                    + " placeholders are {{displayName}}, {{emailAddress}}",
                "Teksten bruger pladsholderne {{switchDate}}, {{day}}, som breve ikke har;"
                    + " pladsholderne er {{displayName}}, {{emailAddress}}"));
  }

  @Test
  void refusesBracesThatAreNotAPlaceholder() {
    LetterEdit edit = new LetterEdit("Subject", "Dear {{display name}}, mail for {{domain} moves");

    assertThat(edit.problems(PLACEHOLDERS))
        .extracting(LetterEdit.Problem::field, LetterEdit.Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "body",
                "has '{{' or '}}' that is not part of a placeholder: write placeholders as"
                    + " {{displayName}}, a name of letters and digits between double braces"));
  }

  @Test
  void fillsEachRecipientsPlaceholdersAndLeavesOtherBracesAlone() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("displayName", "Ann $1 Berg");
    values.put("plannedSwitch", null);
    Placeholders placeholders = new Placeholders(values);

    assertThat(placeholders.fill("Dear {{ displayName }}, see {{other}}."))
        .isEqualTo("Dear Ann $1 Berg, see {{other}}.");
    assertThat(placeholders.withoutValue("On {{plannedSwitch}} for {{displayName}}"))
        .containsExactly("plannedSwitch");
    assertThatThrownBy(() -> placeholders.fill("On {{plannedSwitch}}"))
        .hasMessage("Placeholder {{plannedSwitch}} has no value");
  }
}
