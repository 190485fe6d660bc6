package org.cutover.migration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cutover.migration.recipients.LetterAudience;
import org.cutover.notify.Letter;
import org.cutover.notify.LetterKind;
import org.cutover.notify.OutgoingLetter;
import org.cutover.notify.Placeholders;
import org.cutover.notify.SendOutcome;
import org.cutover.notify.SmtpLoginRefused;
import org.cutover.notify.SmtpPost;
import org.cutover.notify.SmtpSession;
import org.cutover.notify.SmtpUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The letters capability: sends each letter by SMTP, one message per person, and records every
 * recipient's outcome in {@code letter_delivery} before and after handing the message over.
 *
 * <p><b>At most once.</b> A recipient's record is PENDING before anything is sent and is taken
 * (SENDING) in its own committed transaction just before the message goes to the SMTP server; the
 * outcome (SENT, FAILED, or PENDING again after a 4xx) is committed right after. A letter SENT,
 * FAILED or UNKNOWN is never sent again, whatever retries the runbook makes. When a run ends
 * between the two (the node crashed, the database went away), the record stays SENDING and no one
 * can know whether the server took the message; the next run marks it UNKNOWN and does not resend
 * it. For these letters a duplicate is worse than a gap: a second announcement or welcome letter
 * confuses users and looks like phishing, while a missing one is made good by telling the
 * administrator, who can reach the person directly. So every FAILED and UNKNOWN recipient of a
 * users' letter is listed in a report to {@code cutover.letters.administrator-email}, itself sent
 * at most once.
 *
 * <p><b>Retries.</b> A 4xx answer or a failed connection is tried again within the run ({@code
 * cutover.letters.send-attempts}, waiting {@code retry-backoff}, doubled each time). What is still
 * PENDING at the end is left for the step's retry: the run ends with a {@link TransientStepFailure}
 * naming how many are left. When the server cannot be reached, or turns away several recipients in
 * a row, the run stops early instead of trying every recipient. A refused login ends the run with
 * {@link StepNeedsAdministrator}.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class SmtpUserLetters implements UserLetters {

  private static final Logger log = LoggerFactory.getLogger(SmtpUserLetters.class);

  private final LetterAudience audience;

  /** Recipients in a row that stay deferred before the run stops: the server is not taking mail. */
  static final int DEFERRALS_IN_A_ROW_TO_STOP = 3;

  static final String INTERRUPTED =
      "the run that was sending this letter ended before it recorded whether the SMTP server took"
          + " it; it may or may not have arrived, and it is not sent again";

  private final MigrationStore store;
  private final LetterDesk desk;
  private final LetterRecords records;
  private final SmtpPost post;
  private final LetterProperties settings;
  private final Clock clock;

  SmtpUserLetters(
      MigrationStore store,
      LetterDesk desk,
      LetterRecords records,
      SmtpPost post,
      LetterProperties settings,
      ObjectProvider<Clock> clock) {
    this(store, desk, records, post, settings, clock, LetterAudience.mailboxesOnly());
  }

  @org.springframework.beans.factory.annotation.Autowired
  SmtpUserLetters(
      MigrationStore store,
      LetterDesk desk,
      LetterRecords records,
      SmtpPost post,
      LetterProperties settings,
      ObjectProvider<Clock> clock,
      LetterAudience audience) {
    this.audience = audience;
    this.store = store;
    this.desk = desk;
    this.records = records;
    this.post = post;
    this.settings = settings;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    requireAddress("cutover.letters.from", settings.from());
    requireAddress("cutover.letters.administrator-email", settings.administratorEmail());
    if (settings.contactEmail() != null) {
      requireAddress("cutover.letters.contact-email", settings.contactEmail());
    }
  }

  @Override
  public void sendAnnouncement(String migrationId) {
    send(migrationId, LetterKind.ANNOUNCEMENT);
  }

  @Override
  public void sendLicenceReminder(String migrationId) {
    send(migrationId, LetterKind.LICENCE_REMINDER);
  }

  @Override
  public void sendWelcomeLetter(String migrationId) {
    send(migrationId, LetterKind.WELCOME);
  }

  /** Round {@code move + 1}: each move of the planned switch is its own letter to each user. */
  @Override
  public void sendSwitchUpdate(String migrationId, int move) {
    send(migrationId, LetterKind.SWITCH_UPDATE, move + 1);
  }

  @Override
  public void sendSwitchReminder(String migrationId, int move) {
    send(migrationId, LetterKind.SWITCH_REMINDER, move + 1);
  }

  @Override
  public void sendCancellationLetter(String migrationId) {
    send(migrationId, LetterKind.CANCELLATION);
  }

  private void send(String migrationId, LetterKind kind) {
    send(migrationId, kind, 0);
  }

  private void send(String migrationId, LetterKind kind, int round) {
    StoredMigration migration =
        store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
    LetterDesk.Draft draft = desk.draft(migration, kind);
    requireValues(migrationId, kind, draft);
    List<LetterRecords.Recipient> recipients = recipients(migration, kind, round);
    if (round > 0) {
      records.supersede(
          migrationId,
          kind,
          round,
          "not sent: the planned switch moved again, and the letter of the newer time replaces it",
          clock.instant());
    }
    deliver(migrationId, kind, draft.letter(), draft.facts(), recipients);
    if (kind == LetterKind.ANNOUNCEMENT || kind == LetterKind.WELCOME) {
      reportUndelivered(migration, kind, draft.facts());
    } else if (kind.audience() == LetterKind.Audience.ADMINISTRATOR) {
      requireAdministratorReached(migrationId, kind);
    }
  }

  private void deliver(
      String migrationId,
      LetterKind kind,
      Letter letter,
      LetterFacts facts,
      List<LetterRecords.Recipient> recipients) {
    records.addRecipients(migrationId, kind, recipients, clock.instant());
    int interrupted = records.markInterrupted(migrationId, kind, INTERRUPTED, clock.instant());
    if (interrupted > 0) {
      log.warn(
          "Migration {}: {} {} letters were being sent when an earlier run ended; marked UNKNOWN,"
              + " not sent again",
          migrationId,
          interrupted,
          kind.slug());
    }
    List<LetterDelivery> pending = pending(migrationId, kind);
    if (pending.isEmpty()) {
      return;
    }
    String lastReason = null;
    int deferredInARow = 0;
    try (SmtpSession smtp = post.session()) {
      for (LetterDelivery delivery : pending) {
        Attempt attempt = deliverOne(smtp, delivery, letter, facts);
        if (attempt.done()) {
          deferredInARow = 0;
          continue;
        }
        lastReason = attempt.reason();
        deferredInARow++;
        if (attempt.serverDown() || deferredInARow >= DEFERRALS_IN_A_ROW_TO_STOP) {
          break;
        }
      }
    } catch (SmtpLoginRefused refused) {
      throw new StepNeedsAdministrator(refused.getMessage());
    }
    List<LetterDelivery> all = records.deliveries(migrationId, kind);
    long left = all.stream().filter(d -> d.status() == DeliveryStatus.PENDING).count();
    long sent = all.stream().filter(d -> d.status() == DeliveryStatus.SENT).count();
    log.info(
        "Migration {}: {} letter sent to {} of {} recipients, {} left",
        migrationId,
        kind.slug(),
        sent,
        all.size(),
        left);
    if (left > 0) {
      throw new TransientStepFailure(
          "The "
              + kind.slug()
              + " letter of migration "
              + migrationId
              + " is not sent yet to "
              + left
              + " of "
              + all.size()
              + " recipients ("
              + (lastReason == null ? "another run is sending them" : lastReason)
              + "). The step retries them; the "
              + sent
              + " already sent are not sent again.");
    }
  }

  /** What became of one recipient within this run. */
  private record Attempt(boolean done, boolean serverDown, String reason) {}

  private Attempt deliverOne(
      SmtpSession smtp, LetterDelivery delivery, Letter letter, LetterFacts facts) {
    String reason = null;
    boolean serverDown = false;
    for (int attempt = 1; attempt <= settings.sendAttempts(); attempt++) {
      if (attempt > 1) {
        pause(settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 2, 10)));
      }
      try {
        smtp.connect();
      } catch (SmtpUnavailable down) {
        serverDown = true;
        reason = down.getMessage();
        continue;
      }
      serverDown = false;
      OutgoingLetter message = outgoing(delivery, letter, facts);
      if (!records.claim(delivery.id(), clock.instant())) {
        return new Attempt(true, false, null);
      }
      SendOutcome outcome;
      try {
        outcome = smtp.send(message);
      } catch (SmtpLoginRefused refused) {
        records.settle(
            delivery.id(), DeliveryStatus.PENDING, refused.getMessage(), clock.instant());
        throw refused;
      }
      if (outcome instanceof SendOutcome.Deferred deferred) {
        records.settle(delivery.id(), DeliveryStatus.PENDING, deferred.reason(), clock.instant());
        reason = deferred.reason();
        continue;
      }
      settle(delivery, outcome);
      return new Attempt(true, false, null);
    }
    return new Attempt(false, serverDown, reason);
  }

  /** Records an outcome that ends this recipient's letter: sent, refused, or unknown. */
  private void settle(LetterDelivery delivery, SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Refused refused) {
      records.settle(delivery.id(), DeliveryStatus.FAILED, refused.reason(), clock.instant());
      log.warn(
          "Migration {}: {} letter {} refused by the SMTP server: {}",
          delivery.migrationId(),
          kind(delivery),
          recipient(delivery),
          refused.reason());
    } else if (outcome instanceof SendOutcome.Unknown unknown) {
      records.settle(delivery.id(), DeliveryStatus.UNKNOWN, unknown.reason(), clock.instant());
      log.warn(
          "Migration {}: {} letter {} may or may not have arrived, not sent again: {}",
          delivery.migrationId(),
          kind(delivery),
          recipient(delivery),
          unknown.reason());
    } else {
      records.settle(delivery.id(), DeliveryStatus.SENT, null, clock.instant());
      log.debug(
          "Migration {}: {} letter {} sent",
          delivery.migrationId(),
          kind(delivery),
          recipient(delivery));
    }
  }

  private OutgoingLetter outgoing(LetterDelivery delivery, Letter letter, LetterFacts facts) {
    String name = oneLine(delivery.displayName());
    Placeholders own = facts.forRecipient(delivery.address(), name);
    // A line break from a display name must not reach a header.
    return new OutgoingLetter(
        settings.from(),
        settings.contactAddress(),
        delivery.address(),
        name,
        new Letter(oneLine(own.fill(letter.subject())), own.fill(letter.body())));
  }

  private static String oneLine(String text) {
    return text == null ? null : text.replaceAll("[\\r\\n]+", " ");
  }

  /**
   * Lists the users a letter did not reach, or may not have reached, in a letter to the
   * administrator (at most once).
   */
  private void reportUndelivered(StoredMigration migration, LetterKind kind, LetterFacts facts) {
    List<LetterDelivery> all = records.deliveries(migration.id(), kind);
    List<String> refused =
        all.stream()
            .filter(d -> d.status() == DeliveryStatus.FAILED)
            .map(d -> d.address() + ": " + d.lastError())
            .toList();
    List<String> unknown =
        all.stream()
            .filter(d -> d.status() == DeliveryStatus.UNKNOWN)
            .map(LetterDelivery::address)
            .toList();
    if (refused.isEmpty() && unknown.isEmpty()) {
      return;
    }
    LetterKind reportKind =
        switch (kind) {
          case ANNOUNCEMENT -> LetterKind.ANNOUNCEMENT_REPORT;
          case CANCELLATION -> LetterKind.CANCELLATION_REPORT;
          default -> LetterKind.WELCOME_REPORT;
        };
    boolean reported =
        records.deliveries(migration.id(), reportKind).stream()
            .anyMatch(
                report ->
                    report.status() == DeliveryStatus.SENT
                        || report.status() == DeliveryStatus.FAILED
                        || report.status() == DeliveryStatus.UNKNOWN);
    if (reported) {
      return;
    }
    LetterFacts reportFacts = facts.forReport(kind, all.size(), refused, unknown);
    Letter report = desk.render(reportKind, reportFacts);
    deliver(migration.id(), reportKind, report, reportFacts, List.of(administrator()));
    log.warn(
        "Migration {}: {} letter not delivered to {} and perhaps not to {} recipients; reported"
            + " to the administrator",
        migration.id(),
        kind.slug(),
        refused.size(),
        unknown.size());
  }

  private void requireAdministratorReached(String migrationId, LetterKind kind) {
    String key = administrator().key();
    for (LetterDelivery delivery : records.deliveries(migrationId, kind)) {
      if (delivery.address().equalsIgnoreCase(key) && delivery.status() == DeliveryStatus.FAILED) {
        throw new StepNeedsAdministrator(
            "The SMTP server "
                + post.host()
                + " refused the "
                + kind.slug()
                + " letter to "
                + delivery.address()
                + " ("
                + delivery.lastError()
                + "): check cutover.letters.administrator-email, then retry the step");
      }
    }
  }

  private List<LetterRecords.Recipient> recipients(
      StoredMigration migration, LetterKind kind, int round) {
    if (kind.audience() == LetterKind.Audience.ADMINISTRATOR) {
      return List.of(administrator());
    }
    Set<String> announced =
        kind == LetterKind.CANCELLATION ? announcedTo(migration.id()) : Set.of();
    // Shared mailboxes reach their owners; rooms and equipment are never written to.
    return audience.of(migration.id(), store.mailboxes(migration.id())).stream()
        .filter(
            addressee ->
                kind != LetterKind.CANCELLATION
                    || announced.contains(addressee.address().toLowerCase(Locale.ROOT)))
        .map(
            addressee ->
                new LetterRecords.Recipient(
                    addressee.address(), addressee.mailboxId(), addressee.displayName(), round))
        .toList();
  }

  /** The users the announcement was handed over for: they may be waiting for the move. */
  private Set<String> announcedTo(String migrationId) {
    return records.deliveries(migrationId, LetterKind.ANNOUNCEMENT).stream()
        .filter(
            delivery ->
                delivery.status() == DeliveryStatus.SENT
                    || delivery.status() == DeliveryStatus.UNKNOWN
                    || delivery.status() == DeliveryStatus.SENDING)
        .map(delivery -> delivery.address().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private LetterRecords.Recipient administrator() {
    return new LetterRecords.Recipient(settings.administratorEmail(), null, null);
  }

  private List<LetterDelivery> pending(String migrationId, LetterKind kind) {
    return records.deliveries(migrationId, kind).stream()
        .filter(delivery -> delivery.status() == DeliveryStatus.PENDING)
        .toList();
  }

  /** A letter naming a value that is not known yet cannot go out; nothing is sent. */
  private static void requireValues(String migrationId, LetterKind kind, LetterDesk.Draft draft) {
    Placeholders sample = draft.facts().forRecipient("user@example.org", "User");
    List<String> missing =
        sample.withoutValue(draft.letter().subject() + "\n" + draft.letter().body());
    if (!missing.isEmpty()) {
      throw new StepNeedsAdministrator(
          "The "
              + kind.slug()
              + " letter of migration "
              + migrationId
              + " uses {{"
              + String.join("}}, {{", missing)
              + "}}, which has no value yet"
              + (missing.contains("plannedSwitch")
                  ? ": set the planned switch with PUT /api/migrations/"
                      + migrationId
                      + "/planned-switch"
                  : "")
              + ", or take it out of the letter (PUT /api/migrations/"
              + migrationId
              + "/letters/"
              + kind.slug()
              + "); then retry the step");
    }
  }

  private static void requireAddress(String property, String value) {
    if (value == null) {
      throw new IllegalStateException(
          "Letters are sent through spring.mail.host, but "
              + property
              + " is not set: set it to a mail address");
    }
    try {
      new InternetAddress(value, true).validate();
    } catch (AddressException notAnAddress) {
      throw new IllegalStateException(
          property
              + " is not a mail address; give one such as it@contoso.com or Contoso IT <it@contoso.com>");
    }
  }

  private static void pause(Duration wait) {
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new TransientStepFailure("Sending letters was interrupted; the step retries the rest");
    }
  }

  private static String kind(LetterDelivery delivery) {
    return delivery.kind().slug();
  }

  private static String recipient(LetterDelivery delivery) {
    return delivery.mailboxId() != null
        ? "to mailbox " + delivery.mailboxId()
        : "to the administrator";
  }
}
