package org.cutover.demo;

import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the demo source's mailboxes with the same sample mail on every start (when a mailbox is
 * still empty): nested and Danish folder names, attachments, and the flags \Seen, \Flagged,
 * \Answered and a keyword. Every message is an IMAP APPEND of a Jakarta Mail message, so the server
 * stores exactly what a mail client would have put there.
 */
final class DemoMailboxSeed {

  /** The keyword some messages carry, as a mail client's label would be. */
  static final String KEYWORD = "$Projekt";

  /** The folders every seeded mailbox has besides INBOX, with "/" between levels. */
  static final List<String> FOLDERS =
      List.of("Projekter/2025", "Økonomi", "Kunder/Ærø", "Sendt post");

  private static final Logger log = LoggerFactory.getLogger(DemoMailboxSeed.class);

  private final DemoProperties properties;

  DemoMailboxSeed(DemoProperties properties) {
    this.properties = properties;
  }

  /** Seeds every demo mailbox whose INBOX is empty; returns how many messages were appended. */
  int seedEmptyMailboxes() throws MessagingException {
    int appended = 0;
    for (String user : properties.users()) {
      appended += seed(user);
    }
    return appended;
  }

  private int seed(String user) throws MessagingException {
    String address = user + "@" + properties.domain();
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect(
          properties.address(), properties.sourceImapPort(), address, properties.accessToken());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      int existing = inbox.getMessageCount();
      inbox.close(false);
      if (existing > 0) {
        log.info("Demo mailbox {} already holds {} messages; not seeded", address, existing);
        return 0;
      }
      int appended = 0;
      for (SampleMessage sample : samples(user)) {
        Folder folder = folder(store, sample.folder());
        folder.appendMessages(new Message[] {sample.toMime(session)});
        appended++;
      }
      log.info("Demo mailbox {} seeded with {} messages", address, appended);
      return appended;
    }
  }

  private static Folder folder(Store store, String path) throws MessagingException {
    Folder folder = store.getDefaultFolder();
    for (String level : path.split("/")) {
      folder = folder.getFolder(level);
      if (!folder.exists()) {
        folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
      }
    }
    return folder;
  }

  /** The sample mail of one user: the same every time, a little different for each user. */
  List<SampleMessage> samples(String user) {
    String me = user + "@" + properties.domain();
    String name = displayName(user);
    String it = "it@" + properties.domain();
    String customer = "ordre@aeroe-cykler.test";
    String accountant = "bogholderi@" + properties.domain();
    List<SampleMessage> samples = new ArrayList<>();
    samples.add(
        new SampleMessage(
            "INBOX",
            it,
            me,
            "Welcome to the new intranet",
            "Hi " + name + ",\n\nthe new intranet is live. Sign in with your usual account.\n",
            null,
            at(2025, 3, 3, 9, 12),
            flags(true, false, false, false)));
    samples.add(
        new SampleMessage(
            "INBOX",
            "lena@partner.test",
            me,
            "Kvartalsmøde torsdag",
            "Hej " + name + ",\n\nkan vi flytte kvartalsmødet til torsdag kl. 10?\n\nLena\n",
            null,
            at(2025, 4, 10, 14, 5),
            flags(true, false, true, false)));
    samples.add(
        new SampleMessage(
            "INBOX",
            accountant,
            me,
            "Budget 2025 til godkendelse",
            "Hej " + name + ",\n\nvedhæftet er budgettet. Svar venligst inden fredag.\n",
            new Attachment(
                "budget-2025.csv",
                "text/csv",
                "konto;beløb\nløn;1250000\nhusleje;240000\nrejser;" + (35000 + user.length())),
            at(2025, 5, 2, 8, 30),
            flags(false, true, false, false)));
    samples.add(
        new SampleMessage(
            "INBOX",
            it,
            me,
            "Mail moves to the new server",
            "Hi " + name + ",\n\nyour mailbox moves to the new server this month.\n",
            null,
            at(2025, 6, 1, 7, 45),
            flags(false, false, false, false)));
    samples.add(
        new SampleMessage(
            "Projekter/2025",
            "projekt@" + properties.domain(),
            me,
            "Projektplan Ærø-havn",
            "Projektplanen for fase 2 er vedhæftet.\n",
            new Attachment(
                "projektplan.ics",
                "text/calendar",
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Contoso//Demo//DA\r\nBEGIN:VEVENT\r\n"
                    + "UID:projekt-"
                    + user
                    + "@contoso.test\r\nDTSTART:20250901T080000Z\r\nSUMMARY:Opstart fase 2\r\n"
                    + "END:VEVENT\r\nEND:VCALENDAR\r\n"),
            at(2025, 2, 17, 10, 0),
            flags(true, true, false, true)));
    samples.add(
        new SampleMessage(
            "Projekter/2025",
            "projekt@" + properties.domain(),
            me,
            "Referat fra styregruppen",
            "Referat: tidsplanen holder, budgettet er godkendt.\n",
            null,
            at(2025, 3, 21, 16, 20),
            flags(true, false, false, true)));
    samples.add(
        new SampleMessage(
            "Økonomi",
            accountant,
            me,
            "Faktura 2025-0117",
            "Faktura 2025-0117 er vedhæftet.\n",
            new Attachment(
                "faktura-2025-0117.csv",
                "text/csv",
                "linje;tekst;beløb\n1;Konsulentbistand;18750\n2;Kørsel;1240\n"),
            at(2025, 1, 17, 11, 0),
            flags(true, false, false, false)));
    samples.add(
        new SampleMessage(
            "Kunder/Ærø",
            customer,
            me,
            "Ordre 4711: 12 ladcykler",
            "Vi bekræfter ordren på 12 ladcykler til levering i uge 34.\n",
            null,
            at(2025, 5, 19, 13, 37),
            flags(true, false, true, false)));
    samples.add(
        new SampleMessage(
            "Sendt post",
            me,
            "lena@partner.test",
            "Re: Kvartalsmøde torsdag",
            "Hej Lena,\n\ntorsdag kl. 10 passer fint.\n\n" + name + "\n",
            null,
            at(2025, 4, 10, 15, 2),
            flags(true, false, false, false)));
    samples.add(
        new SampleMessage(
            "Sendt post",
            me,
            customer,
            "Re: Ordre 4711: 12 ladcykler",
            "Tak for ordren. Leveringen bekræftes i næste uge.\n",
            null,
            at(2025, 5, 19, 15, 10),
            flags(true, false, false, false)));
    return samples;
  }

  private static String displayName(String user) {
    return user.substring(0, 1).toUpperCase(Locale.ROOT) + user.substring(1);
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.UTC));
  }

  private static Flags flags(boolean seen, boolean flagged, boolean answered, boolean keyword) {
    Flags flags = new Flags();
    if (seen) {
      flags.add(Flags.Flag.SEEN);
    }
    if (flagged) {
      flags.add(Flags.Flag.FLAGGED);
    }
    if (answered) {
      flags.add(Flags.Flag.ANSWERED);
    }
    if (keyword) {
      flags.add(KEYWORD);
    }
    return flags;
  }

  record Attachment(String fileName, String contentType, String content) {}

  /** One sample message and the folder it is appended to. */
  record SampleMessage(
      String folder,
      String from,
      String to,
      String subject,
      String text,
      Attachment attachment,
      Date sent,
      Flags flags) {

    MimeMessage toMime(Session session) throws MessagingException {
      MimeMessage message =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", messageId());
            }
          };
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(subject, "UTF-8");
      message.setSentDate(sent);
      if (attachment == null) {
        message.setText(text, "UTF-8");
      } else {
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(
            new DataHandler(
                new ByteArrayDataSource(
                    attachment.content().getBytes(StandardCharsets.UTF_8),
                    attachment.contentType() + "; charset=UTF-8")));
        file.setFileName(attachment.fileName());
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        String boundary = "=_demo_" + Integer.toHexString(messageId().hashCode());
        MimeMultipart multipart =
            new MimeMultipart() {
              {
                // a boundary of the message's own, so that the same message has the same bytes
                contentType = "multipart/mixed; boundary=\"" + boundary + "\"";
              }
            };
        multipart.addBodyPart(body);
        multipart.addBodyPart(file);
        message.setContent(multipart);
      }
      message.setFlags(flags, true);
      message.saveChanges();
      return message;
    }

    /** A Message-ID made of the message's own facts, the same on every start. */
    String messageId() {
      return "<demo-"
          + Integer.toHexString((folder + "|" + to + "|" + from + "|" + subject).hashCode())
          + "-"
          + sent.getTime() / 1000
          + "@contoso.test>";
    }
  }
}
