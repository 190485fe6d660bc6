package org.cutover.migration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.letters.UsersClientSettings;
import org.cutover.migration.schedule.SwitchSchedule;
import org.cutover.notify.Letter;
import org.cutover.notify.LetterEdit;
import org.cutover.notify.LetterKind;
import org.cutover.notify.LetterTemplates;
import org.cutover.notify.Placeholders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Where the administrator reads and edits a migration's letters before they go out, and sets the
 * dates they name. Works without an SMTP server: the REST API and Tasklist can show a letter
 * whether or not this node sends it.
 */
@Service
public class LetterDesk {

  private static final Logger log = LoggerFactory.getLogger(LetterDesk.class);

  /** The letter a step sends: the administrator's edit or the rendered template. */
  record Draft(Letter letter, LetterFacts facts, boolean edited) {}

  private final MigrationStore store;
  private final LetterRecords records;
  private final LetterTemplates templates;
  private final LetterProperties settings;
  private final LicenceRecords licences;
  private final UsersClientSettings clientSettings;
  private final Clock clock;
  private final ObjectProvider<SwitchSchedule> switches;

  LetterDesk(
      MigrationStore store,
      LetterRecords records,
      LetterTemplates templates,
      LetterProperties settings,
      LicenceRecords licences,
      UsersClientSettings clientSettings,
      ObjectProvider<Clock> clock,
      ObjectProvider<SwitchSchedule> switches) {
    this.clientSettings = clientSettings;
    this.switches = switches;
    this.store = store;
    this.records = records;
    this.licences = licences;
    this.templates = templates;
    this.settings = settings;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * The letter as it will be sent, in the migration's language.
   *
   * @throws MigrationNotFound when there is no such migration
   * @throws IllegalArgumentException for a letter administrators do not edit (a report)
   */
  public LetterPreview preview(String migrationId, LetterKind kind) {
    requireEditable(kind);
    return preview(migration(migrationId), kind);
  }

  /**
   * A users' letter as one of them receives it: the administrator's edit or the template, with the
   * user's own name and address filled in, whether or not it has been sent. A placeholder that has
   * no value yet stays as it is.
   *
   * @param mailbox the mailbox's id or address
   * @throws MigrationNotFound when there is no such migration, or no such mailbox in it
   * @throws IllegalArgumentException for a letter to the administrator
   */
  public Letter asReceivedBy(String migrationId, LetterKind kind, String mailbox) {
    requireEditable(kind);
    if (kind.audience() != LetterKind.Audience.USERS) {
      throw new IllegalArgumentException(
          "The " + kind.slug() + " letter goes to the administrator, not to a mailbox");
    }
    StoredMigration migration = migration(migrationId);
    MailboxState user =
        store.mailboxes(migrationId).stream()
            .filter(
                state ->
                    state.id().equals(mailbox) || state.emailAddress().equalsIgnoreCase(mailbox))
            .findFirst()
            .orElseThrow(
                () ->
                    new MigrationNotFound(
                        "Migration "
                            + migrationId
                            + " has no mailbox "
                            + mailbox
                            + "; GET /api/migrations/"
                            + migrationId
                            + " lists its mailboxes."));
    Draft draft = draft(migration, kind);
    Placeholders own = draft.facts().forRecipient(user.emailAddress(), user.displayName());
    Placeholders known =
        new Placeholders(
            own.names().stream()
                .filter(name -> own.withoutValue("{{" + name + "}}").isEmpty())
                .collect(
                    java.util.stream.Collectors.toMap(
                        name -> name,
                        name -> own.fill("{{" + name + "}}"),
                        (first, second) -> first,
                        java.util.LinkedHashMap::new)));
    return new Letter(
        known.fill(draft.letter().subject()).replaceAll("[\\r\\n]+", " "),
        known.fill(draft.letter().body()));
  }

  /**
   * Replaces the letter's subject and text with the administrator's own.
   *
   * @throws org.cutover.migration.RejectedSettings naming each broken rule ({@code $.subject},
   *     {@code $.body})
   * @throws LettersAlreadySent once the letter has gone to some recipients
   */
  public LetterPreview edit(String migrationId, LetterKind kind, LetterEdit edit, String editedBy) {
    requireEditable(kind);
    StoredMigration migration = migration(migrationId);
    LetterFacts facts = facts(migration);
    List<SettingsProblem> problems =
        edit.problems(facts.placeholders().names()).stream()
            .map(problem -> new SettingsProblem("$." + problem.field(), problem.message()))
            .toList();
    if (!problems.isEmpty()) {
      throw new RejectedSettings(problems);
    }
    requireNothingSent(migrationId, kind);
    LetterEdit stored =
        new LetterEdit(edit.subject().strip(), edit.body().replace("\r\n", "\n").strip() + "\n");
    records.saveEdit(migrationId, kind, stored, editedBy, clock.instant());
    log.info("Migration {}: letter {} edited by {}", migrationId, kind.slug(), editedBy);
    return preview(migration, kind);
  }

  /** Goes back to the template's text. */
  public LetterPreview discardEdit(String migrationId, LetterKind kind) {
    requireEditable(kind);
    StoredMigration migration = migration(migrationId);
    requireNothingSent(migrationId, kind);
    if (records.dropEdit(migrationId, kind)) {
      log.info("Migration {}: edit of letter {} discarded", migrationId, kind.slug());
    }
    return preview(migration, kind);
  }

  /** Every recipient of the letter and what became of it, in the order they were sent. */
  public List<LetterDelivery> deliveries(String migrationId, LetterKind kind) {
    migration(migrationId);
    return records.deliveries(migrationId, kind);
  }

  /**
   * Whether the announcement has been handed to the SMTP server for some user (sent, or perhaps
   * sent): those users expect the move.
   */
  public boolean announced(String migrationId) {
    return records.anyHandedOver(migrationId, LetterKind.ANNOUNCEMENT);
  }

  public Optional<LocalDate> plannedSwitch(String migrationId) {
    migration(migrationId);
    return Optional.ofNullable(records.schedule(migrationId).plannedSwitch());
  }

  /**
   * Sets the day mail moves on or after, which the announcement names; null: not decided (the
   * announcement says the date will follow).
   *
   * @throws RejectedSettings for a day in the past
   */
  public void planSwitch(String migrationId, LocalDate date) {
    migration(migrationId);
    if (date != null && date.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      throw new RejectedSettings(
          List.of(new SettingsProblem("$.plannedSwitch", "must be today or a later day")));
    }
    records.planSwitch(migrationId, date, clock.instant());
    log.info("Migration {}: switch planned for {}", migrationId, date);
  }

  /** Sets the licence deadline the licence reminder names (the runbook knows it). */
  public void recordLicenceDeadline(String migrationId, LocalDate date) {
    migration(migrationId);
    records.recordLicenceDeadline(migrationId, date, clock.instant());
  }

  Draft draft(StoredMigration migration, LetterKind kind) {
    LetterFacts facts = facts(migration);
    Optional<LetterEdit> edit =
        kind.editable() ? records.edit(migration.id(), kind) : Optional.empty();
    if (edit.isPresent()) {
      return new Draft(new Letter(edit.get().subject(), edit.get().body()), facts, true);
    }
    return new Draft(render(kind, facts), facts, false);
  }

  Letter render(LetterKind kind, LetterFacts facts) {
    return templates.render(
        kind.template(), facts.language(), facts.values(), facts.placeholders().names());
  }

  LetterFacts facts(StoredMigration migration) {
    SwitchSchedule schedule = switches.getIfAvailable();
    return LetterFacts.of(
            migration,
            clientSettings.of(migration),
            store.mailboxes(migration.id()),
            records.schedule(migration.id()),
            licences.withoutLicence(migration.id()).orElse(null),
            settings)
        .withSwitch(schedule == null ? null : schedule.planned(migration.id()).orElse(null));
  }

  private LetterPreview preview(StoredMigration migration, LetterKind kind) {
    Draft draft = draft(migration, kind);
    return new LetterPreview(
        kind.slug(),
        migration.language(),
        draft.letter().subject(),
        draft.letter().body(),
        draft.edited(),
        !records.anyHandedOver(migration.id(), kind),
        List.copyOf(draft.facts().placeholders().names()));
  }

  private void requireNothingSent(String migrationId, LetterKind kind) {
    if (records.anyHandedOver(migrationId, kind)) {
      throw new LettersAlreadySent(
          "The "
              + kind.slug()
              + " letter of migration "
              + migrationId
              + " has already gone to some recipients; a change now would reach only the rest."
              + " GET /api/migrations/"
              + migrationId
              + "/letters/"
              + kind.slug()
              + "/deliveries shows who has it.");
    }
  }

  private StoredMigration migration(String migrationId) {
    return store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
  }

  private static void requireEditable(LetterKind kind) {
    if (!kind.editable()) {
      throw new IllegalArgumentException("Letter " + kind.slug() + " is not edited by people");
    }
  }
}
