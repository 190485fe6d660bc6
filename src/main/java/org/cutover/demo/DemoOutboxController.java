package org.cutover.demo;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The letters the demo's SMTP server has received: who they went to and what they are about. */
@RestController
@Profile("demo")
@RequestMapping("/api/demo")
class DemoOutboxController {

  private final DemoMailServers servers;

  DemoOutboxController(DemoMailServers servers) {
    this.servers = servers;
  }

  /** One received letter. */
  record ReceivedLetter(List<String> to, String from, String subject, Instant sentAt) {}

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
              message.getSentDate() == null ? null : message.getSentDate().toInstant()));
    }
    return letters;
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }
}
