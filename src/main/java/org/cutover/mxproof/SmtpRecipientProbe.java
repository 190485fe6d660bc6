package org.cutover.mxproof;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.cutover.mxproof.RecipientAnswer.Verdict;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a mail exchanger whether it accepts each address: EHLO, STARTTLS when offered (Angus Mail's
 * {@link SMTPTransport} does both on connect), {@code MAIL FROM}, one {@code RCPT TO} per address,
 * then {@code RSET} and {@code QUIT}. {@code DATA} is never sent, so no message is delivered.
 *
 * <p>2xx counts as accepted and 5xx as refused, except a reply to the command itself (500, 502,
 * 503, 504), which leaves the address unanswered. A 452 (too many recipients) starts a new
 * transaction on the same connection; any other 4xx, a 421 or a lost connection puts the address
 * aside, and those are asked again on a new connection after {@code retryWait}, up to {@code
 * maxAttempts} times.
 */
class SmtpRecipientProbe implements RecipientProbe {

  private static final Logger log = LoggerFactory.getLogger(SmtpRecipientProbe.class);
  private static final int TOO_MANY_RECIPIENTS = 452;
  private static final int CLOSING = 421;

  /**
   * 500, 502, 503, 504: the server did not take the command itself (bad sequence, not implemented),
   * which says nothing about the address.
   */
  private static final java.util.Set<Integer> COMMAND_NOT_UNDERSTOOD =
      java.util.Set.of(500, 502, 503, 504);

  private final MxProofProperties properties;
  private final SSLSocketFactory trust;
  private final Waiter waiter;

  /** Waits between attempts; tests pass one that returns at once. */
  interface Waiter {
    void await(Duration duration) throws InterruptedException;
  }

  SmtpRecipientProbe(MxProofProperties properties, SSLSocketFactory trust, Waiter waiter) {
    this.properties = properties;
    this.trust = trust;
    this.waiter = waiter;
  }

  @Override
  public List<RecipientAnswer> ask(MailExchangerAddress mx, List<String> addresses) {
    Map<String, RecipientAnswer> answers = new LinkedHashMap<>();
    List<String> pending = new ArrayList<>();
    for (String address : addresses) {
      if (answers.containsKey(address) || pending.contains(address)) {
        continue;
      }
      if (!plausible(address)) {
        answers.put(
            address,
            new RecipientAnswer(address, Verdict.REFUSED, "not asked: not a valid mail address"));
      } else {
        pending.add(address);
      }
    }
    Map<String, String> lastReply = new LinkedHashMap<>();
    for (int attempt = 1; attempt <= properties.maxAttempts() && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        pause();
      }
      pending = oneConnection(mx, pending, answers, lastReply);
      log.info(
          "MX proof at {}: attempt {} leaves {} addresses unanswered", mx, attempt, pending.size());
    }
    for (String address : pending) {
      answers.put(
          address,
          new RecipientAnswer(
              address,
              Verdict.UNANSWERED,
              lastReply.getOrDefault(address, "no answer from " + mx)));
    }
    List<RecipientAnswer> ordered = new ArrayList<>();
    for (String address : addresses) {
      RecipientAnswer answer = answers.remove(address);
      if (answer != null) {
        ordered.add(answer);
      }
    }
    return ordered;
  }

  private void pause() {
    try {
      waiter.await(properties.retryWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to ask the MX again", e);
    }
  }

  /**
   * One connection: asks every pending address once and returns those still without a final answer.
   */
  private List<String> oneConnection(
      MailExchangerAddress mx,
      List<String> pending,
      Map<String, RecipientAnswer> answers,
      Map<String, String> lastReply) {
    List<String> later = new ArrayList<>();
    SMTPTransport smtp;
    try {
      smtp = (SMTPTransport) Session.getInstance(session(mx)).getTransport("smtp");
      smtp.connect(mx.host(), mx.port(), null, null);
    } catch (MessagingException e) {
      String reason = "could not talk to " + mx + ": " + describe(e);
      log.warn("MX proof: {}", reason);
      pending.forEach(address -> lastReply.put(address, reason));
      return pending;
    }
    int index = 0;
    try {
      int inTransaction = 0;
      boolean open = false;
      while (index < pending.size()) {
        String address = pending.get(index);
        if (!open || inTransaction >= properties.recipientsPerTransaction()) {
          if (open) {
            smtp.simpleCommand("RSET");
          }
          int code = smtp.simpleCommand("MAIL FROM:<" + properties.probeSender() + ">");
          if (code / 100 != 2) {
            String reply = "the sender was refused: " + reply(smtp);
            pending.subList(index, pending.size()).forEach(a -> lastReply.put(a, reply));
            later.addAll(pending.subList(index, pending.size()));
            return later;
          }
          open = true;
          inTransaction = 0;
        }
        int code = smtp.simpleCommand("RCPT TO:<" + address + ">");
        String reply = reply(smtp);
        if (code == TOO_MANY_RECIPIENTS && inTransaction > 0) {
          // The server's limit per message: go on in a new transaction with the same address.
          inTransaction = Integer.MAX_VALUE;
          continue;
        }
        index++;
        inTransaction++;
        if (code / 100 == 2) {
          answers.put(address, new RecipientAnswer(address, Verdict.ACCEPTED, reply));
        } else if (code / 100 == 5 && !COMMAND_NOT_UNDERSTOOD.contains(code)) {
          answers.put(address, new RecipientAnswer(address, Verdict.REFUSED, reply));
        } else {
          lastReply.put(address, reply);
          later.add(address);
          if (code == CLOSING || code == -1) {
            break;
          }
        }
      }
      if (open) {
        smtp.simpleCommand("RSET");
      }
    } catch (MessagingException e) {
      String reason = "the connection to " + mx + " failed: " + describe(e);
      log.warn("MX proof: {}", reason);
      pending.subList(index, pending.size()).forEach(a -> lastReply.put(a, reason));
    } finally {
      quit(smtp);
    }
    for (String address : pending.subList(index, pending.size())) {
      if (!later.contains(address)) {
        later.add(address);
      }
    }
    return later;
  }

  private Properties session(MailExchangerAddress mx) {
    Properties session = new Properties();
    String millis = Long.toString(properties.timeout().toMillis());
    session.put("mail.smtp.connectiontimeout", millis);
    session.put("mail.smtp.timeout", millis);
    session.put("mail.smtp.writetimeout", millis);
    session.put("mail.smtp.starttls.enable", "true");
    session.put("mail.smtp.ssl.checkserveridentity", "true");
    session.put("mail.smtp.auth", "false");
    if (!properties.heloName().isBlank()) {
      session.put("mail.smtp.localhost", properties.heloName());
    }
    if (trust != null) {
      session.put("mail.smtp.ssl.socketFactory", trust);
    }
    return session;
  }

  private static void quit(SMTPTransport smtp) {
    try {
      smtp.close();
    } catch (MessagingException e) {
      log.debug("MX proof: QUIT failed: {}", describe(e));
    }
  }

  private static String reply(SMTPTransport smtp) {
    String reply = smtp.getLastServerResponse();
    return reply == null ? "no answer" : reply.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static String describe(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    return cause == e || cause.getMessage() == null
        ? top
        : top + " (" + cause.getMessage().strip() + ")";
  }

  /** Something that can be put in angle brackets without changing the command. */
  static boolean plausible(String address) {
    if (address == null || address.length() > 254) {
      return false;
    }
    int at = address.lastIndexOf('@');
    if (at < 1 || at == address.length() - 1) {
      return false;
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c <= ' ' || c == '<' || c == '>' || c == 127) {
        return false;
      }
    }
    return true;
  }
}
