package org.cutover.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One connection to the SMTP server, opened by {@link #connect} and again after the server closed
 * it, that sends one message at a time and says what became of each. Not thread-safe.
 */
public final class SmtpSession implements AutoCloseable {

  private static final int MAX_REASON_LENGTH = 300;

  private final Session session;
  private final String protocol;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private Transport transport;

  SmtpSession(
      Session session, String protocol, String host, int port, String username, String password) {
    this.session = session;
    this.protocol = protocol;
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
  }

  /**
   * Makes sure the connection is open (asking the server with NOOP), connecting and logging in if
   * it is not.
   *
   * @throws SmtpLoginRefused when the server refuses the login
   * @throws SmtpUnavailable when the server cannot be reached or turns the connection away
   */
  public void connect() {
    if (transport != null && transport.isConnected()) {
      return;
    }
    close();
    try {
      transport = session.getTransport(protocol);
      transport.connect(host, port, username, password);
    } catch (AuthenticationFailedException refused) {
      close();
      throw SmtpLoginRefused.refused(host, username);
    } catch (MessagingException failure) {
      close();
      throw new SmtpUnavailable(
          "could not connect to the SMTP server "
              + host
              + ":"
              + port
              + " ("
              + describe(failure)
              + ")");
    }
  }

  /**
   * Hands one message to the server over the open connection.
   *
   * @throws SmtpLoginRefused when the server answers that it requires a login (530)
   */
  public SendOutcome send(OutgoingLetter letter) {
    return send(letter, List.of());
  }

  /**
   * Hands one message with files attached to the server over the open connection.
   *
   * @throws SmtpLoginRefused when the server answers that it requires a login (530)
   */
  public SendOutcome send(OutgoingLetter letter, List<Attachment> attachments) {
    MimeMessage message;
    try {
      message = message(letter, attachments);
    } catch (AddressException | UnsupportedEncodingException unusable) {
      return new SendOutcome.Refused("the address is not a usable mail address");
    } catch (MessagingException unusable) {
      return new SendOutcome.Refused("the message could not be built: " + describe(unusable));
    }
    if (transport == null || !transport.isConnected()) {
      return new SendOutcome.Deferred("the connection to the SMTP server " + host + " is closed");
    }
    try {
      transport.sendMessage(message, message.getAllRecipients());
      return new SendOutcome.Accepted();
    } catch (MessagingException failure) {
      return classify(failure);
    } catch (IllegalStateException notConnected) {
      return new SendOutcome.Deferred("the connection to the SMTP server " + host + " is closed");
    }
  }

  @Override
  public void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException | RuntimeException ignored) {
        // The connection is gone either way.
      }
      transport = null;
    }
  }

  private MimeMessage message(OutgoingLetter letter, List<Attachment> attachments)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(letter.from(), true));
    if (letter.replyTo() != null) {
      message.setReplyTo(new Address[] {new InternetAddress(letter.replyTo(), true)});
    }
    InternetAddress to = new InternetAddress(letter.toAddress(), true);
    if (letter.toName() != null && !letter.toName().isBlank()) {
      to.setPersonal(letter.toName(), StandardCharsets.UTF_8.name());
    }
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(letter.letter().subject(), StandardCharsets.UTF_8.name());
    if (attachments.isEmpty()) {
      message.setText(letter.letter().body(), StandardCharsets.UTF_8.name());
    } else {
      MimeMultipart parts = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText(letter.letter().body(), StandardCharsets.UTF_8.name());
      parts.addBodyPart(text);
      for (Attachment attachment : attachments) {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(
            new DataHandler(
                new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        file.setFileName(attachment.fileName());
        file.setDisposition(Part.ATTACHMENT);
        parts.addBodyPart(file);
      }
      message.setContent(parts);
    }
    // RFC 3834: keeps out-of-office replies from answering the letter.
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setSentDate(new Date());
    message.saveChanges();
    return message;
  }

  /**
   * A reply code means the server answered and did not take the message: 4xx may pass, 5xx will
   * not. Without one the connection failed while the message was on its way, and whether the server
   * took it cannot be known.
   */
  private SendOutcome classify(MessagingException failure) {
    for (Exception cause = failure; cause != null; ) {
      int code = -1;
      if (cause instanceof SMTPSendFailedException send) {
        code = send.getReturnCode();
      } else if (cause instanceof SMTPAddressFailedException address) {
        code = address.getReturnCode();
      }
      if (code >= 400) {
        String reply = reply(cause);
        if (code == 530) {
          throw SmtpLoginRefused.required(host, reply);
        }
        return code < 500 ? new SendOutcome.Deferred(reply) : new SendOutcome.Refused(reply);
      }
      cause = cause instanceof MessagingException messaging ? messaging.getNextException() : null;
    }
    if (failure instanceof SendFailedException refused
        && refused.getInvalidAddresses() != null
        && refused.getInvalidAddresses().length > 0) {
      return new SendOutcome.Refused("the server refused the address: " + describe(failure));
    }
    return new SendOutcome.Unknown(
        "the connection failed while the message was handed over (" + describe(failure) + ")");
  }

  private static String reply(Exception failure) {
    return shorten(failure.getMessage() == null ? "no reply text" : failure.getMessage());
  }

  /** The innermost cause's type and message, on one line. */
  private static String describe(Exception failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? "" : ": " + root.getMessage();
    return shorten(root.getClass().getSimpleName() + text);
  }

  private static String shorten(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH) + "…";
  }
}
