package org.cutover.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An administrator's own subject and text for a letter, used instead of the template's. It may use
 * the {@code {{name}}} placeholders it is checked against, and nothing else in braces.
 */
public record LetterEdit(String subject, String body) {

  public static final int MAX_SUBJECT_LENGTH = 200;
  public static final int MAX_BODY_LENGTH = 20_000;

  /**
   * One broken rule: the field ({@code subject} or {@code body}), what to do ({@code message}, to
   * follow the field's name) and the same in Danish as a whole sentence, field included ({@code
   * danish}).
   */
  public record Problem(String field, String message, String danish) {}

  /** The rules the edit breaks, each saying what to change; empty when it can be stored. */
  public List<Problem> problems(Set<String> placeholders) {
    List<Problem> problems = new ArrayList<>();
    if (subject == null || subject.isBlank()) {
      problems.add(
          new Problem(
              "subject",
              "must not be blank: give the letter a subject",
              "Emnet må ikke være tomt: giv brevet et emne"));
    } else {
      if (subject.length() > MAX_SUBJECT_LENGTH) {
        problems.add(
            new Problem(
                "subject",
                "must be at most " + MAX_SUBJECT_LENGTH + " characters long",
                "Emnet må højst være " + MAX_SUBJECT_LENGTH + " tegn langt"));
      }
      if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
        problems.add(
            new Problem(
                "subject",
                "must be one line: remove the line breaks",
                "Emnet skal være én linje: fjern linjeskiftene"));
      }
      checkPlaceholders("subject", subject, placeholders, problems);
    }
    if (body == null || body.isBlank()) {
      problems.add(
          new Problem(
              "body",
              "must not be blank: give the text of the letter",
              "Teksten må ikke være tom: skriv brevets tekst"));
    } else {
      if (body.length() > MAX_BODY_LENGTH) {
        problems.add(
            new Problem(
                "body",
                "must be at most " + MAX_BODY_LENGTH + " characters long",
                "Teksten må højst være " + MAX_BODY_LENGTH + " tegn lang"));
      }
      checkPlaceholders("body", body, placeholders, problems);
    }
    return problems;
  }

  private static void checkPlaceholders(
      String field, String text, Set<String> placeholders, List<Problem> problems) {
    List<String> unknown = Placeholders.unknownIn(text, placeholders);
    String known = "{{" + String.join("}}, {{", placeholders) + "}}";
    if (!unknown.isEmpty()) {
      problems.add(
          new Problem(
              field,
              "uses "
                  + describe(unknown)
                  + ", which letters do not have; the placeholders are "
                  + known,
              danishName(field)
                  + " bruger "
                  + (unknown.size() == 1 ? "pladsholderen {{" : "pladsholderne {{")
                  + String.join("}}, {{", unknown)
                  + "}}, som breve ikke har; pladsholderne er "
                  + known));
    }
    if (Placeholders.hasStrayBraces(text)) {
      problems.add(
          new Problem(
              field,
              "has '{{' or '}}' that is not part of a placeholder: write placeholders as"
                  + " {{displayName}}, a name of letters and digits between double braces",
              danishName(field)
                  + " har '{{' eller '}}', som ikke hører til en pladsholder: skriv pladsholdere"
                  + " som {{displayName}}, et navn af bogstaver og tal mellem dobbelte krøllede"
                  + " parenteser"));
    }
  }

  private static String danishName(String field) {
    return "subject".equals(field) ? "Emnet" : "Teksten";
  }

  private static String describe(List<String> names) {
    return (names.size() == 1 ? "placeholder {{" : "placeholders {{")
        + String.join("}}, {{", names)
        + "}}";
  }
}
