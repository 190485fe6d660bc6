package org.cutover.testsupport.kit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The bytes of one corpus message, from its plan alone: plain text in US-ASCII, UTF-8 and
 * ISO-8859-1, quoted-printable, multipart/alternative with HTML, multipart/mixed with base64
 * attachments (RFC 2231 file names), forwarded message/rfc822, RFC 2047 header words, and a few
 * oddities real mailboxes hold (no Message-ID, no Subject, raw 8-bit header, headers only, no final
 * line break, a long folded Subject).
 */
final class MessageMaker {

  static final byte[] CRLF = {'\r', '\n'};
  private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
  private static final DateTimeFormatter RFC5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ENGLISH);

  private static final List<String> DANISH =
      List.of(
          ("hej tak for mødet i går vi ser frem til at høre fra dig budget aftale kunde faktura"
                  + " venlig hilsen måned uge fredag rapport økonomi regnskab afdeling leverandør"
                  + " kontrakt tilbud levering ændring forslag beslutning dagsorden referat"
                  + " spørgsmål svar løsning postkasse flytning sikkerhed bruger ferie Ærø færge"
                  + " smørrebrød kaffe kage fødselsdag særlig vigtigt hurtigt måske også")
              .split(" "));
  private static final List<String> ENGLISH =
      List.of(
          ("thanks for the update please find attached the report we discussed meeting agenda"
                  + " deadline invoice customer project budget review approval contract delivery"
                  + " quarter forecast team release server migration mailbox security reminder"
                  + " question answer weekly travel conference coffee tomorrow next week regards")
              .split(" "));
  private static final List<String> FRENCH =
      List.of(
          ("bonjour merci pour votre message réunion projet client facture équipe délai"
                  + " livraison prévision trimestre été hiver théâtre château à bientôt"
                  + " cordialement déjà très où naïve façon garçon")
              .split(" "));
  private static final List<String> EMOJI = List.of("🙂", "👍", "🎉", "📎", "✅", "☕", "🇩🇰");
  private static final List<String[]> PEOPLE =
      List.of(
          new String[] {"Søren Østergaard", "soren.ostergaard@example.dk"},
          new String[] {"Mette Ærebo", "mette.aerebo@example.dk"},
          new String[] {"Jens Hansen", "jens.hansen@example.com"},
          new String[] {"Jean-François Lefèvre", "jf.lefevre@example.fr"},
          new String[] {"Peter Nielsen", "pn@example.com"},
          new String[] {"Kirsten Bæk", "kirsten.baek@example.dk"},
          new String[] {"Nyhedsbrev", "news@lists.example.com"});
  private static final List<String> SUBJECTS =
      List.of(
          "Møde om budget %d",
          "Faktura %d fra Østergaard ApS",
          "Réunion de projet – ordre du jour",
          "🎉 Tillykke med fødselsdagen!",
          "Weekly report #%d",
          "Opfølgning på vores samtale",
          "Tilbud på levering af %d enheder",
          "Status on migration batch %d",
          "Lunch on Friday?",
          "Kontrakt %d – endelig version",
          "Your invoice #%d is ready");
  private static final List<String[]> ATTACHMENTS =
      List.of(
          new String[] {"application/pdf", "Faktura %d.pdf"},
          new String[] {"image/jpeg", "IMG_%d.jpg"},
          new String[] {"application/zip", "bilag-%d.zip"},
          new String[] {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Budget Ærø %d.xlsx"
          },
          new String[] {"image/png", "skærmbillede-%d.png"});

  private MessageMaker() {}

  /** One message's place and shape in the corpus; its bytes follow from these alone. */
  record Plan(
      String key,
      String role,
      long epochSecond,
      int offsetMinutes,
      int size,
      String flags,
      String quirk) {}

  static byte[] make(Plan plan) {
    return make(plan, new Seeded("msg:" + plan.key()), false);
  }

  private static byte[] make(Plan plan, Seeded rng, boolean inner) {
    List<String> words = rng.chance(0.6) ? DANISH : rng.chance(0.75) ? ENGLISH : FRENCH;
    boolean sent = "sent".equals(plan.role()) || "drafts".equals(plan.role());
    String[] other = rng.pick(PEOPLE);
    String[] me = {"Test Bruger", plan.key().split(":")[1] + "@example.org"};
    int n = rng.between(1, 10_000);
    String subject = String.format(Locale.ROOT, rng.pick(SUBJECTS), n);
    if (rng.chance(0.2)) {
      subject = rng.pick(List.of("Re: ", "SV: ", "Fwd: ", "VS: ")) + subject;
    }
    if ("long-subject".equals(plan.quirk())) {
      subject =
          subject
              + " – "
              + sentence(rng, words)
              + " "
              + sentence(rng, words)
              + " "
              + sentence(rng, words);
    }
    boolean raw8 = "raw-8bit-header".equals(plan.quirk());
    ByteArrayOutputStream out = new ByteArrayOutputStream(plan.size() + 2048);
    ZoneOffset zone = ZoneOffset.ofTotalSeconds(plan.offsetMinutes() * 60);
    String date =
        RFC5322.format(
            Instant.ofEpochSecond(plan.epochSecond() - rng.between(1, 900)).atOffset(zone));
    if (!sent) {
      header(out, "Return-Path", "<" + other[1] + ">");
      header(
          out,
          "Received",
          "from mx1.example.net (mx1.example.net [192.0.2."
              + rng.between(1, 255)
              + "])\r\n\tby mail.example.org (Postfix) with ESMTPS id "
              + Long.toHexString(rng.between(1L << 32, 1L << 40)).toUpperCase(Locale.ROOT)
              + ";\r\n\t"
              + RFC5322.format(Instant.ofEpochSecond(plan.epochSecond()).atOffset(zone)));
    }
    header(out, "Date", date);
    String[] from = sent ? me : other;
    String[] to = sent ? other : me;
    header(out, "From", address(rng, from, raw8));
    header(out, "To", address(rng, to, raw8));
    if (!"no-subject".equals(plan.quirk())) {
      header(out, "Subject", raw8 ? subject : headerText(rng, subject));
    }
    if (!"no-message-id".equals(plan.quirk())) {
      header(
          out, "Message-ID", "<" + plan.key().replace(':', '.') + "." + n + "@mail.example.org>");
    }
    header(out, "MIME-Version", "1.0");
    header(
        out,
        "X-Mailer",
        rng.pick(
            List.of("Microsoft Outlook 16.0", "Apple Mail (2.3731)", "Roundcube Webmail/1.6")));
    if ("headers-only".equals(plan.quirk())) {
      out.writeBytes(CRLF);
      return out.toByteArray();
    }
    int budget = Math.max(300, plan.size() - out.size() - 600);
    String kind;
    if (budget > 40_000) {
      kind = inner ? "mixed" : rng.chance(0.1) ? "forward" : "mixed";
    } else {
      kind =
          rng.pick(List.of("ascii", "utf8", "qp", "latin1", "alternative", "alternative", "mixed"));
      if (inner && "forward".equals(kind)) {
        kind = "qp";
      }
    }
    switch (kind) {
      case "ascii" -> textPart(out, paragraphs(rng, ENGLISH, budget), "ascii");
      case "utf8" -> textPart(out, paragraphs(rng, words, budget), "utf8");
      case "latin1" -> textPart(out, paragraphs(rng, DANISH, budget), "latin1");
      case "qp" -> textPart(out, paragraphs(rng, words, budget), "qp");
      case "alternative" -> alternative(out, rng, paragraphs(rng, words, budget / 2));
      case "forward" -> forward(out, rng, plan, budget);
      default -> mixed(out, rng, words, n, budget);
    }
    byte[] bytes = out.toByteArray();
    if ("no-final-newline".equals(plan.quirk())) {
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      return java.util.Arrays.copyOf(bytes, end);
    }
    return bytes;
  }

  private static void textPart(ByteArrayOutputStream out, String text, String how) {
    switch (how) {
      case "ascii" -> {
        header(out, "Content-Type", "text/plain; charset=\"us-ascii\"");
        header(out, "Content-Transfer-Encoding", "7bit");
        out.writeBytes(CRLF);
        out.writeBytes(lines(text).getBytes(StandardCharsets.US_ASCII));
      }
      case "utf8" -> {
        header(out, "Content-Type", "text/plain; charset=\"utf-8\"");
        header(out, "Content-Transfer-Encoding", "8bit");
        out.writeBytes(CRLF);
        out.writeBytes(lines(text).getBytes(StandardCharsets.UTF_8));
      }
      case "latin1" -> {
        header(out, "Content-Type", "text/plain; charset=\"iso-8859-1\"");
        header(out, "Content-Transfer-Encoding", "8bit");
        out.writeBytes(CRLF);
        out.writeBytes(lines(text).getBytes(LATIN1));
      }
      default -> {
        header(out, "Content-Type", "text/plain; charset=\"utf-8\"");
        header(out, "Content-Transfer-Encoding", "quoted-printable");
        out.writeBytes(CRLF);
        out.writeBytes(quotedPrintable(lines(text).getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  private static void alternative(ByteArrayOutputStream out, Seeded rng, String text) {
    String boundary = boundary(rng);
    header(out, "Content-Type", "multipart/alternative;\r\n boundary=\"" + boundary + "\"");
    out.writeBytes(CRLF);
    open(out, boundary);
    textPart(out, text, "qp");
    open(out, boundary);
    header(out, "Content-Type", "text/html; charset=\"utf-8\"");
    header(out, "Content-Transfer-Encoding", "quoted-printable");
    out.writeBytes(CRLF);
    String html =
        "<html><body><p>"
            + text.replace("&", "&amp;").replace("<", "&lt;").replace("\n\n", "</p>\n<p>")
            + "</p></body></html>\n";
    out.writeBytes(quotedPrintable(lines(html).getBytes(StandardCharsets.UTF_8)));
    close(out, boundary);
  }

  private static void mixed(
      ByteArrayOutputStream out, Seeded rng, List<String> words, int n, int budget) {
    String boundary = boundary(rng);
    header(out, "Content-Type", "multipart/mixed;\r\n boundary=\"" + boundary + "\"");
    out.writeBytes(CRLF);
    out.writeBytes(
        "This is a multi-part message in MIME format.\r\n".getBytes(StandardCharsets.US_ASCII));
    open(out, boundary);
    int text = Math.min(budget / 3, rng.between(400, 3000));
    textPart(out, paragraphs(rng, words, text), "qp");
    int attachments = budget > 200_000 ? rng.between(1, 3) : 1;
    int each = Math.max(200, (budget - text) * 3 / 4 / attachments);
    for (int i = 0; i < attachments; i++) {
      open(out, boundary);
      String[] kind = rng.pick(ATTACHMENTS);
      String file = String.format(Locale.ROOT, kind[1], n + i);
      if (isAscii(file)) {
        header(out, "Content-Type", kind[0] + ";\r\n name=\"" + file + "\"");
        header(out, "Content-Disposition", "attachment;\r\n filename=\"" + file + "\"");
      } else {
        header(out, "Content-Type", kind[0] + ";\r\n name=\"" + encodedWord(file) + "\"");
        header(out, "Content-Disposition", "attachment;\r\n filename*=UTF-8''" + percent(file));
      }
      header(out, "Content-Transfer-Encoding", "base64");
      out.writeBytes(CRLF);
      byte[] data = new byte[each];
      rng.fill(data);
      out.writeBytes(base64Lines(data));
    }
    close(out, boundary);
  }

  private static void forward(ByteArrayOutputStream out, Seeded rng, Plan plan, int budget) {
    String boundary = boundary(rng);
    header(out, "Content-Type", "multipart/mixed;\r\n boundary=\"" + boundary + "\"");
    out.writeBytes(CRLF);
    open(out, boundary);
    textPart(out, paragraphs(rng, DANISH, 300), "qp");
    open(out, boundary);
    Plan innerPlan =
        new Plan(
            plan.key() + ":fwd",
            "inbox",
            plan.epochSecond() - 86_400,
            plan.offsetMinutes(),
            budget - 1000,
            "",
            null);
    byte[] inner = make(innerPlan, new Seeded("fwd:" + plan.key()), true);
    header(out, "Content-Type", "message/rfc822");
    header(out, "Content-Transfer-Encoding", isAscii(inner) ? "7bit" : "8bit");
    header(out, "Content-Disposition", "attachment; filename=\"forwarded.eml\"");
    out.writeBytes(CRLF);
    out.writeBytes(inner);
    out.writeBytes(CRLF);
    close(out, boundary);
  }

  // --- pieces -------------------------------------------------------------------------------

  static void header(ByteArrayOutputStream out, String name, String value) {
    out.writeBytes(fold(name + ": " + value).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(CRLF);
  }

  /** Folds a long header line at spaces near 76 columns; lines already folded stay as they are. */
  private static String fold(String line) {
    if (line.length() <= 78 || line.contains("\r\n")) {
      return line;
    }
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : line.split(" ")) {
      if (column > 0 && column + 1 + word.length() > 76) {
        out.append("\r\n");
        column = 0;
      }
      if (out.length() > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }

  private static String address(Seeded rng, String[] who, boolean raw8) {
    if (isAscii(who[0])) {
      return "\"" + who[0] + "\" <" + who[1] + ">";
    }
    return (raw8 ? who[0] : headerText(rng, who[0])) + " <" + who[1] + ">";
  }

  /** ASCII as it is; otherwise an RFC 2047 word: B or Q, UTF-8 or, where it fits, ISO-8859-1. */
  private static String headerText(Seeded rng, String text) {
    if (isAscii(text)) {
      return text;
    }
    if (LATIN1.newEncoder().canEncode(text) && rng.chance(0.3)) {
      StringBuilder q = new StringBuilder("=?ISO-8859-1?Q?");
      for (byte b : text.getBytes(LATIN1)) {
        int c = b & 0xff;
        if (c == ' ') {
          q.append('_');
        } else if (c < 128 && Character.isLetterOrDigit(c)) {
          q.append((char) c);
        } else {
          q.append(String.format(Locale.ROOT, "=%02X", c));
        }
      }
      return q.append("?=").toString();
    }
    return encodedWord(text);
  }

  /** RFC 2047 B words of at most 45 bytes each, split between characters, folded. */
  static String encodedWord(String text) {
    StringBuilder out = new StringBuilder();
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      if (chunk.size() + b.length > 45) {
        word(out, chunk);
      }
      chunk.writeBytes(b);
      i += Character.charCount(cp);
    }
    word(out, chunk);
    return out.toString();
  }

  private static void word(StringBuilder out, ByteArrayOutputStream chunk) {
    if (chunk.size() == 0) {
      return;
    }
    if (out.length() > 0) {
      out.append("\r\n ");
    }
    out.append("=?UTF-8?B?")
        .append(Base64.getEncoder().encodeToString(chunk.toByteArray()))
        .append("?=");
    chunk.reset();
  }

  private static String percent(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128 && (Character.isLetterOrDigit(c) || "-_.".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append(String.format(Locale.ROOT, "%%%02X", c));
      }
    }
    return out.toString();
  }

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** Quoted-printable: lines under 77 characters, soft breaks, '=' and 8-bit bytes escaped. */
  static byte[] quotedPrintable(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + text.length / 8);
    int column = 0;
    for (int i = 0; i < text.length; i++) {
      int c = text[i] & 0xff;
      if (c == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
        out.write('\r');
        out.write('\n');
        i++;
        column = 0;
        continue;
      }
      boolean beforeBreak = i + 1 >= text.length || text[i + 1] == '\r';
      boolean literal = (c >= 33 && c <= 126 && c != '=') || (c == ' ' && !beforeBreak);
      int width = literal ? 1 : 3;
      if (column + width > 75) {
        out.write('=');
        out.write('\r');
        out.write('\n');
        column = 0;
      }
      if (literal) {
        out.write(c);
      } else {
        out.write('=');
        out.write(HEX[c >> 4]);
        out.write(HEX[c & 0xf]);
      }
      column += width;
    }
    return out.toByteArray();
  }

  static byte[] base64Lines(byte[] data) {
    return Base64.getMimeEncoder(76, CRLF)
        .encodeToString(data)
        .concat("\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String boundary(Seeded rng) {
    return "----=_Part_" + rng.between(100_000, 999_999) + "_" + rng.between(1L, 1L << 40);
  }

  private static void open(ByteArrayOutputStream out, String boundary) {
    out.writeBytes(("\r\n--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static void close(ByteArrayOutputStream out, String boundary) {
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static String sentence(Seeded rng, List<String> words) {
    StringBuilder s = new StringBuilder();
    int n = rng.between(5, 16);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(rng.pick(words));
    }
    s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
    s.append(rng.pick(List.of(".", ".", "!", "?")));
    if (words != ENGLISH && rng.chance(0.1)) {
      s.append(' ').append(rng.pick(EMOJI));
    }
    return s.toString();
  }

  /**
   * About {@code chars} characters of text in paragraphs, wrapped at 72 columns by {@link #lines}.
   */
  private static String paragraphs(Seeded rng, List<String> words, int chars) {
    StringBuilder text = new StringBuilder();
    while (text.length() < chars) {
      int sentences = rng.between(2, 7);
      for (int i = 0; i < sentences; i++) {
        text.append(i == 0 ? "" : " ").append(sentence(rng, words));
      }
      text.append("\n\n");
    }
    return text.toString();
  }

  /** Wraps at 72 columns and ends every line with CRLF. */
  private static String lines(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 30);
    for (String para : text.split("\n", -1)) {
      int column = 0;
      for (String word : para.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        if (column > 0 && column + 1 + word.length() > 72) {
          out.append("\r\n");
          column = 0;
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
