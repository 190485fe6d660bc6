package org.cutover.process;

import static org.cutover.process.ProcessVariables.LETTER_PLACEHOLDERS;
import static org.cutover.process.ProcessVariables.LETTER_PROBLEM;
import static org.cutover.process.ProcessVariables.LETTER_SHOWN;
import static org.cutover.process.ProcessVariables.LETTER_SUBJECT;
import static org.cutover.process.ProcessVariables.LETTER_TEXT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cutover.migration.LetterDesk;
import org.cutover.migration.LetterPreview;
import org.cutover.migration.LettersAlreadySent;
import org.cutover.migration.LettersNotConfigured;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.notify.LetterEdit;
import org.cutover.notify.LetterKind;
import org.cutover.notify.LetterTemplateError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user task where the administrator reads a letter before it goes out. When the task is
 * created, the letter as it will be sent (in the migration's language) goes into the task's own
 * variables {@code letterSubject} and {@code letterText}, which the form shows for editing; when
 * the task is completed, a subject or text that differs from the letter is stored as the
 * administrator's edit. An edit that breaks a rule refuses the submission with a message naming the
 * rule in English and Danish; a form submitted in Tasklist is taken before the task completes
 * ({@link TaskFormReceiver}), so Tasklist shows the message above the form, the person's text stays
 * in it and the task stays open. Letters hold no secrets.
 */
abstract class LetterReview implements TaskListener, TaskFormReceiver {

  private static final Logger log = LoggerFactory.getLogger(LetterReview.class);

  private final LetterDesk desk;
  private final LetterKind kind;
  private final String danishName;

  /**
   * @param danishName the letter in Danish, definite form, as a sentence begins with it
   *     ("Meddelelsen")
   */
  LetterReview(LetterDesk desk, LetterKind kind, String danishName) {
    this.desk = desk;
    this.kind = kind;
    this.danishName = danishName;
  }

  /** Stores what the form submitted, or refuses it; the complete event then finds it stored. */
  @Override
  public void receive(DelegateTask task) {
    store(task, MIGRATION_ID.require(task));
  }

  @Override
  public void notify(DelegateTask task) {
    String migrationId = MIGRATION_ID.require(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, migrationId);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      store(task, migrationId);
    }
  }

  /** Puts further facts the form shows into the task's variables. */
  void showMore(DelegateTask task, String migrationId) {}

  /** Stores further facts the form set; called after the letter's edit. */
  void storeMore(DelegateTask task, String migrationId) {}

  private void show(DelegateTask task, String migrationId) {
    LetterPreview letter;
    try {
      letter = desk.preview(migrationId, kind);
    } catch (LettersNotConfigured | LetterTemplateError missing) {
      // The task still opens: the form says what to set, and the runbook goes on without the edit.
      task.setVariableLocal(
          LETTER_PROBLEM.name(),
          missing instanceof LettersNotConfigured
              ? "The letter cannot be shown: "
                  + missing.getMessage()
                  + ", then restart Cutover. / Brevet kan ikke vises, før indstillingen er sat."
              : "The letter cannot be shown: "
                  + missing.getMessage()
                  + ". Correct the template and restart Cutover before the letter is sent. /"
                  + " Brevet kan ikke vises, før brevskabelonen er rettet.");
      showMore(task, migrationId);
      log.warn(
          "Migration {}: letter {} cannot be shown in task {}: {}",
          migrationId,
          kind.slug(),
          task.getId(),
          missing.getMessage());
      return;
    }
    task.setVariableLocal(LETTER_SUBJECT.name(), letter.subject());
    task.setVariableLocal(LETTER_TEXT.name(), letter.body());
    task.setVariableLocal(LETTER_SHOWN.name(), fingerprint(letter.subject(), letter.body()));
    task.setVariableLocal(
        LETTER_PLACEHOLDERS.name(),
        letter.placeholders().stream()
            .map(name -> "{{" + name + "}}")
            .collect(Collectors.joining(", ")));
    showMore(task, migrationId);
    log.info("Migration {}: letter {} shown in task {}", migrationId, kind.slug(), task.getId());
  }

  private void store(DelegateTask task, String migrationId) {
    String subject = submitted(task, LETTER_SUBJECT.name());
    String text = submitted(task, LETTER_TEXT.name());
    boolean shown = task.getVariableLocal(LETTER_PROBLEM.name()) == null;
    if (!shown && isBlank(subject) && isBlank(text)) {
      // The letter could not be shown and nothing was written instead: nothing to store.
      log.info("Migration {}: letter {} left as it is", migrationId, kind.slug());
    } else if (subject != null || text != null) {
      LetterPreview letter;
      try {
        letter = desk.preview(migrationId, kind);
      } catch (LettersNotConfigured missing) {
        throw new LetterNotStored(
            "The "
                + kind.slug()
                + " letter cannot be stored: "
                + missing.getMessage()
                + ", or empty the subject and the text to keep the template. / "
                + danishName
                + " kan ikke gemmes, før indstillingen er sat.");
      } catch (LetterTemplateError broken) {
        throw new LetterNotStored(
            "The "
                + kind.slug()
                + " letter cannot be stored: "
                + broken.getMessage()
                + ". Correct the template, restart Cutover and complete the task again. / "
                + danishName
                + " kan ikke gemmes, fordi brevskabelonen har en fejl (se ovenfor): ret"
                + " skabelonen, genstart Cutover, og afslut opgaven igen.");
      }
      String newSubject = subject == null ? letter.subject() : subject;
      String newText = text == null ? letter.body() : text;
      boolean asShown =
          fingerprint(newSubject, newText).equals(task.getVariableLocal(LETTER_SHOWN.name()));
      boolean asNow = sameText(newSubject, letter.subject()) && sameText(newText, letter.body());
      // Unchanged since the task opened: the letter keeps following its facts (a switch planned
      // meanwhile), rather than freezing the text as it was then.
      if (!asShown && !asNow) {
        edit(task, migrationId, letter, new LetterEdit(newSubject, newText));
      }
    }
    storeMore(task, migrationId);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private void edit(DelegateTask task, String migrationId, LetterPreview letter, LetterEdit edit) {
    List<LetterEdit.Problem> problems = edit.problems(new LinkedHashSet<>(letter.placeholders()));
    if (!problems.isEmpty()) {
      throw new LetterNotStored(
          "The "
              + kind.slug()
              + " letter cannot be stored: "
              + problems.stream()
                  .map(problem -> fieldName(problem.field()) + " " + problem.message())
                  .collect(Collectors.joining("; "))
              + ". Correct it in the form and complete the task again. / "
              + danishName
              + " kan ikke gemmes. "
              + problems.stream().map(LetterEdit.Problem::danish).collect(Collectors.joining(". "))
              + ". Ret det i formularen, og afslut opgaven igen.");
    }
    try {
      desk.edit(migrationId, kind, edit, editedBy(task));
    } catch (RejectedSettings rejected) {
      throw new LetterNotStored(
          "The "
              + kind.slug()
              + " letter cannot be stored: "
              + rejected.problems().stream()
                  .map(LetterReview::describe)
                  .collect(Collectors.joining("; "))
              + ". Correct it in the form and complete the task again. / "
              + danishName
              + " kan ikke gemmes: ret det i formularen, og afslut opgaven igen.");
    } catch (LettersAlreadySent sent) {
      throw new LetterNotStored(
          sent.getMessage()
              + " Complete the task with the letter as shown when it opened. / "
              + danishName
              + " er allerede sendt til nogle modtagere og kan ikke længere ændres.");
    }
  }

  /** A value the form submitted; a completion through the API may set it on the execution. */
  static String submitted(DelegateTask task, String name) {
    DelegateExecution execution = task.getExecution();
    if (execution.hasVariable(name)) {
      Object value = execution.getVariable(name);
      execution.removeVariable(name);
      return value == null ? null : value.toString();
    }
    Object value = task.getVariableLocal(name);
    return value == null ? null : value.toString();
  }

  private static String editedBy(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : "Tasklist";
  }

  /** A short digest of a letter's subject and text, to tell later whether they were changed. */
  static String fingerprint(String subject, String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (normalised(subject) + "\n" + normalised(text)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("This Java has no SHA-256", missing);
    }
  }

  private static boolean sameText(String given, String shown) {
    return Objects.equals(normalised(given), normalised(shown));
  }

  private static String normalised(String text) {
    return text.replace("\r\n", "\n").strip();
  }

  private static String describe(SettingsProblem problem) {
    String field =
        switch (problem.path()) {
          case "$.subject" -> fieldName("subject");
          case "$.body" -> fieldName("body");
          default -> problem.path();
        };
    return field + " " + problem.message();
  }

  private static String fieldName(String field) {
    return "subject".equals(field) ? "the subject" : "the text";
  }
}
