package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cutover.migration.DeliveryStatus;
import org.cutover.migration.LetterDelivery;
import org.cutover.migration.LetterDesk;
import org.cutover.migration.LetterPreview;
import org.cutover.migration.LettersAlreadySent;
import org.cutover.migration.LettersNotConfigured;
import org.cutover.notify.Letter;
import org.cutover.notify.LetterEdit;
import org.cutover.notify.LetterKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/migrations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Letters",
    description =
        "Read and edit the letters to users (announcement, welcome) and the administrator"
            + " (licence reminder) before they are sent, set the date they name, and see who got"
            + " them")
class LetterController {

  private static final String LETTER = "announcement, welcome, cancellation or licence-reminder";
  private static final String TEXT_UTF8 = "text/plain;charset=UTF-8";

  private final LetterDesk desk;

  LetterController(LetterDesk desk) {
    this.desk = desk;
  }

  @Schema(description = "The administrator's own subject and text for a letter")
  record LetterText(
      @Schema(
              description =
                  "One line, at most 200 characters; may use the placeholders the letter lists",
              example = "Your e-mail at {{domain}} is moving")
          String subject,
      @Schema(
              description =
                  "Plain text, at most 20000 characters; {{displayName}} and {{emailAddress}} are"
                      + " filled for each recipient, {{domain}}, {{plannedSwitch}},"
                      + " {{signInAddress}}, {{contactName}} and {{contactEmail}} from the"
                      + " migration",
              example = "Dear {{displayName}},\n\nyour mailbox {{emailAddress}} is moving.")
          String body) {}

  @Schema(description = "One recipient of a letter and what became of it")
  record Delivery(
      String address,
      @Schema(description = "The user's mailbox; none for the administrator") String mailboxId,
      @Schema(
              description =
                  "PENDING (not sent yet), SENDING, SENT, FAILED (refused by the SMTP server, not"
                      + " sent again) or UNKNOWN (sending was interrupted; may or may not have"
                      + " arrived, not sent again)")
          DeliveryStatus status,
      @Schema(description = "Times handed to the SMTP server") int attempts,
      @Schema(description = "Why it was not accepted, as the SMTP server said") String lastError,
      Instant sentAt) {

    static Delivery of(LetterDelivery delivery) {
      return new Delivery(
          delivery.address(),
          delivery.mailboxId(),
          delivery.status(),
          delivery.attempts(),
          delivery.lastError(),
          delivery.sentAt());
    }
  }

  @Schema(description = "The day mail moves on or after; null: not decided yet")
  record PlannedSwitch(
      @Schema(description = "ISO date; the announcement names it", example = "2026-04-18")
          LocalDate plannedSwitch) {}

  @GetMapping("/letters/{letter}")
  @Operation(
      summary = "A letter as it will be sent",
      description =
          "Rendered in the migration's language, with {{displayName}} and {{emailAddress}} left"
              + " for each recipient. letter: "
              + LETTER
              + ".")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration or letter",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  LetterPreview preview(@PathVariable String id, @PathVariable String letter) {
    return desk.preview(id, kind(letter));
  }

  @GetMapping(path = "/letters/{letter}", params = "mailbox", produces = TEXT_UTF8)
  @Operation(
      summary = "A users' letter as one user receives it",
      description =
          "Plain text: the Subject line, an empty line, then the text, with the user's name and"
              + " address filled in; also for a letter not sent yet. mailbox: the mailbox's id or"
              + " address. letter: announcement, welcome or cancellation.")
  @ApiResponse(
      responseCode = "400",
      description = "No mailbox given, or a letter to the administrator",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such migration, letter or mailbox",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  String asReceived(
      @PathVariable String id, @PathVariable String letter, @RequestParam String mailbox) {
    LetterKind kind = kind(letter);
    if (mailbox.isBlank()) {
      throw new NotForAMailbox("Give the mailbox's id or address: ?mailbox=anna@contoso.com");
    }
    Letter received;
    try {
      received = desk.asReceivedBy(id, kind, mailbox.strip());
    } catch (IllegalArgumentException administrators) {
      throw new NotForAMailbox(administrators.getMessage());
    }
    return "Subject: " + received.subject() + "\n\n" + received.body();
  }

  @PutMapping(path = "/letters/{letter}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Replace a letter's subject and text with your own",
      description =
          "Used for every recipient when the letter is sent. Only the placeholders the letter"
              + " lists may be used. Refused once the letter has gone to anyone.")
  @ApiResponse(
      responseCode = "400",
      description = "Subject or text need correcting: one entry per field in errors",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The letter has already been sent to some recipients",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  LetterPreview edit(
      @PathVariable String id,
      @PathVariable String letter,
      @RequestBody LetterText text,
      Principal principal) {
    LetterKind kind = kind(letter);
    try {
      return desk.edit(
          id,
          kind,
          new LetterEdit(text.subject(), text.body()),
          principal == null ? null : principal.getName());
    } catch (LettersAlreadySent sent) {
      throw new WrongState(sent.getMessage(), sent);
    }
  }

  @DeleteMapping("/letters/{letter}")
  @Operation(summary = "Drop your own text and go back to the template's")
  @ApiResponse(
      responseCode = "409",
      description = "The letter has already been sent to some recipients",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  LetterPreview discardEdit(@PathVariable String id, @PathVariable String letter) {
    LetterKind kind = kind(letter);
    try {
      return desk.discardEdit(id, kind);
    } catch (LettersAlreadySent sent) {
      throw new WrongState(sent.getMessage(), sent);
    }
  }

  @GetMapping("/letters/{letter}/deliveries")
  @Operation(summary = "Every recipient of a letter and what became of it")
  List<Delivery> deliveries(@PathVariable String id, @PathVariable String letter) {
    return desk.deliveries(id, kind(letter)).stream().map(Delivery::of).toList();
  }

  @GetMapping("/planned-switch")
  @Operation(summary = "The day mail moves on or after, as the announcement names it")
  PlannedSwitch plannedSwitch(@PathVariable String id) {
    return new PlannedSwitch(desk.plannedSwitch(id).orElse(null));
  }

  @PutMapping(path = "/planned-switch", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Set the day mail moves on or after",
      description =
          "The announcement says mail moves on or after this day; without one it says the exact"
              + " date will follow. null clears it.")
  @ApiResponse(
      responseCode = "400",
      description = "A day in the past",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  PlannedSwitch planSwitch(@PathVariable String id, @RequestBody PlannedSwitch planned) {
    desk.planSwitch(id, planned.plannedSwitch());
    return new PlannedSwitch(desk.plannedSwitch(id).orElse(null));
  }

  @ExceptionHandler(NotForAMailbox.class)
  ProblemDetail notForAMailbox(NotForAMailbox wrong) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, wrong.getMessage());
    problem.setType(ProblemTypes.INVALID_SETTINGS);
    problem.setTitle("The letter cannot be shown for this mailbox");
    return problem;
  }

  @ExceptionHandler(UnknownLetter.class)
  ProblemDetail unknownLetter(UnknownLetter unknown) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("No such letter");
    return problem;
  }

  /** 503 like a missing capability: the request is fine, the node lacks a setting. */
  @ExceptionHandler(LettersNotConfigured.class)
  ProblemDetail notConfigured(LettersNotConfigured missing) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, missing.getMessage());
    problem.setType(ProblemTypes.CAPABILITY_MISSING);
    problem.setTitle("Letters are not configured on this node");
    return problem;
  }

  private static LetterKind kind(String letter) {
    return LetterKind.editableBySlug(letter).orElseThrow(() -> new UnknownLetter(letter));
  }

  /** No mailbox given, or one asked for a letter that goes to the administrator. */
  static class NotForAMailbox extends RuntimeException {

    NotForAMailbox(String message) {
      super(message);
    }
  }

  /** The path names no letter an administrator reads or edits. */
  static class UnknownLetter extends RuntimeException {

    UnknownLetter(String letter) {
      super(
          "There is no letter '"
              + letter
              + "'; the letters are "
              + LetterKind.editableSlugs()
              + ".");
    }
  }
}
