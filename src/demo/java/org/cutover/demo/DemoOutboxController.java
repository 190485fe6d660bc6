package org.cutover.demo;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The letters the demo's SMTP server has received: who they went to and what they say. */
@RestController
@Profile("demo")
@RequestMapping("/api/demo")
class DemoOutboxController {

  private final DemoMailServers servers;

  DemoOutboxController(DemoMailServers servers) {
    this.servers = servers;
  }

  /** One received letter. */
  record ReceivedLetter(
      List<String> to, String from, String subject, String body, Instant sentAt) {}

  @Operation(summary = "Letters received by the demo's SMTP server, oldest first (demo only)")
  @GetMapping("/outbox")
  List<ReceivedLetter> outbox() throws MessagingException {
    List<ReceivedLetter> letters = new ArrayList<>();
    for (MimeMessage message : servers.receivedLetters()) {
      letters.add(
          new ReceivedLetter(
              addresses(message.getAllRecipients()),
              addresses(message.getFrom()).stream().findFirst().orElse(null),
              message.getSubject(),
              body(message),
              message.getSentDate() == null ? null : message.getSentDate().toInstant()));
    }
    return letters;
  }

  /**
   * The letter's text as its recipient reads it (plain text, or the first part of one with files).
   */
  private static String body(MimeMessage message) throws MessagingException {
    try {
      Object content = message.getContent();
      if (content instanceof jakarta.mail.Multipart parts && parts.getCount() > 0) {
        // The administrator's milestone mail: its text, then the report attached.
        content = parts.getBodyPart(0).getContent();
      }
      return content instanceof String text ? text.replace("\r\n", "\n") : null;
    } catch (IOException unreadable) {
      throw new MessagingException("The demo outbox cannot read a letter's text", unreadable);
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }
}
