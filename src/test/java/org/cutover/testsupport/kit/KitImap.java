package org.cutover.testsupport.kit;

import jakarta.mail.Flags;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * One signed-in IMAP connection of the kit, on Angus Mail's protocol layer: folders with their
 * special-use roles, raw APPEND of the bytes the corpus builds, and read-only fetches that hash
 * bodies as they come.
 */
final class KitImap implements AutoCloseable {

  /** Bodies up to this size are fetched several at a time; larger ones in parts of this size. */
  private static final int PART = 4 << 20;

  private final IMAPProtocol imap;
  private final String name;

  private KitImap(IMAPProtocol imap, String name) {
    this.imap = imap;
    this.name = name;
  }

  /** Connects (implicit TLS when asked, certificate not checked) and signs in as {@code user}. */
  static KitImap open(String host, int port, boolean tls, KitLogin login, String user) {
    Properties props = new Properties();
    props.setProperty("mail.imap.connectiontimeout", "60000");
    props.setProperty("mail.imap.timeout", "600000");
    props.setProperty("mail.imap.ssl.trust", "*");
    props.setProperty("mail.imap.ssl.checkserveridentity", "false");
    String name = user + "@" + host + ":" + port;
    try {
      IMAPProtocol imap =
          new IMAPProtocol(
              "imap",
              host,
              port,
              props,
              tls,
              new MailLogger(
                  KitImap.class, "kit", false, new PrintStream(OutputStream.nullOutputStream())));
      try {
        login.signIn(imap, user);
      } catch (ProtocolException e) {
        imap.disconnect();
        throw new IllegalStateException(name + ": sign-in failed: " + e.getMessage(), e);
      }
      return new KitImap(imap, name);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot connect", e);
    } catch (ProtocolException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  boolean has(String capability) {
    return imap.hasCapability(capability);
  }

  /** A folder as LIST shows it; attributes lower-case, special-use roles among them. */
  record Folder(String name, char separator, Set<String> attributes) {
    boolean selectable() {
      return !attributes.contains("\\noselect") && !attributes.contains("\\nonexistent");
    }
  }

  /** Every folder, with special-use attributes (LIST ... RETURN (SPECIAL-USE) when offered). */
  List<Folder> folders() {
    try {
      Argument args = new Argument().writeString("").writeString("*");
      if (imap.hasCapability("SPECIAL-USE")) {
        args.writeAtom("RETURN (SPECIAL-USE)");
      }
      Response[] answer = imap.command("LIST", args);
      imap.handleResult(answer[answer.length - 1]);
      List<Folder> out = new ArrayList<>();
      for (Response r : answer) {
        if (r instanceof IMAPResponse ir && ir.keyEquals("LIST")) {
          ListInfo info = new ListInfo(ir);
          Set<String> attrs = new HashSet<>();
          for (String a : info.attrs) {
            attrs.add(a.toLowerCase(Locale.ROOT));
          }
          out.add(new Folder(info.name, info.separator, attrs));
        }
      }
      return out;
    } catch (ProtocolException e) {
      throw failed("LIST", e);
    }
  }

  /** The hierarchy separator of the personal namespace. */
  char separator() {
    try {
      ListInfo[] root = imap.list("", "");
      return root != null && root.length > 0 && root[0].separator != 0 ? root[0].separator : '/';
    } catch (ProtocolException e) {
      throw failed("LIST", e);
    }
  }

  void create(String folder) {
    try {
      imap.create(folder);
    } catch (ProtocolException e) {
      if (!String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains("ALREADYEXISTS")) {
        throw failed("CREATE " + folder, e);
      }
    }
  }

  void subscribe(String folder) {
    try {
      imap.subscribe(folder);
    } catch (ProtocolException e) {
      throw failed("SUBSCRIBE " + folder, e);
    }
  }

  /** A message to append: flags as IMAP writes them, INTERNALDATE text, the bytes. */
  record Appended(String flags, String internalDate, Literal bytes) {}

  /** Appends the messages in order, several per command when MULTIAPPEND is offered. */
  void append(String folder, List<Appended> messages) {
    String mailbox = BASE64MailboxEncoder.encode(folder);
    int step = has("MULTIAPPEND") ? messages.size() : 1;
    for (int i = 0; i < messages.size(); i += step) {
      Argument args = new Argument().writeString(mailbox);
      for (Appended m : messages.subList(i, Math.min(messages.size(), i + step))) {
        args.writeAtom("(" + m.flags() + ")").writeString(m.internalDate()).writeBytes(m.bytes());
      }
      try {
        imap.simpleCommand("APPEND", args);
      } catch (ProtocolException e) {
        throw failed("APPEND to " + folder, e);
      }
    }
  }

  /** Opens a folder read-only; answers its number of messages. */
  int examine(String folder) {
    try {
      return imap.examine(folder).total;
    } catch (ProtocolException e) {
      throw failed("EXAMINE " + folder, e);
    }
  }

  /** What the comparison keeps of one message: no bytes, their SHA-256. */
  record Seen(int seq, long uid, long size, Set<String> flags, Instant date, String sha256) {}

  /** UID, flags (without \Recent), INTERNALDATE and the SHA-256 of the bytes of lo..hi. */
  List<Seen> read(int lo, int hi) {
    try {
      // Angus puts the parentheses around the items itself.
      Response[] meta = imap.fetch(lo, hi, "UID FLAGS INTERNALDATE RFC822.SIZE");
      imap.handleResult(meta[meta.length - 1]);
      List<Seen> out = new ArrayList<>();
      for (Response r : meta) {
        if (r instanceof FetchResponse f && f.getNumber() >= lo && f.getNumber() <= hi) {
          FLAGS flags = f.getItem(FLAGS.class);
          INTERNALDATE date = f.getItem(INTERNALDATE.class);
          out.add(
              new Seen(
                  f.getNumber(),
                  f.getItem(UID.class).uid,
                  f.getItem(RFC822SIZE.class).size,
                  flags == null ? Set.of() : names(flags),
                  date == null ? null : date.getDate().toInstant(),
                  null));
        }
      }
      List<Seen> hashed = new ArrayList<>(out.size());
      for (Seen s : out) {
        hashed.add(
            new Seen(s.seq(), s.uid(), s.size(), s.flags(), s.date(), sha256(s.seq(), s.size())));
      }
      return hashed;
    } catch (ProtocolException e) {
      throw failed("FETCH " + lo + ":" + hi, e);
    }
  }

  private String sha256(int seq, long size) throws ProtocolException {
    MessageDigest digest = sha256();
    int start = 0;
    while (true) {
      BODY body = imap.peekBody(seq, null, start, PART);
      ByteArray bytes = body == null ? null : body.getByteArray();
      if (bytes == null) {
        return start == 0 ? "nil-body:" + seq : toHex(digest.digest());
      }
      digest.update(bytes.getBytes(), bytes.getStart(), bytes.getCount());
      start += bytes.getCount();
      if (bytes.getCount() < PART) {
        return toHex(digest.digest());
      }
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String toHex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static Set<String> names(Flags flags) {
    Set<String> out = new HashSet<>();
    for (Flags.Flag f : flags.getSystemFlags()) {
      if (f == Flags.Flag.ANSWERED) {
        out.add("\\answered");
      } else if (f == Flags.Flag.DELETED) {
        out.add("\\deleted");
      } else if (f == Flags.Flag.DRAFT) {
        out.add("\\draft");
      } else if (f == Flags.Flag.FLAGGED) {
        out.add("\\flagged");
      } else if (f == Flags.Flag.SEEN) {
        out.add("\\seen");
      }
    }
    for (String keyword : flags.getUserFlags()) {
      out.add(keyword.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private IllegalStateException failed(String what, ProtocolException e) {
    return new IllegalStateException(name + ": " + what + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      imap.logout();
    } catch (ProtocolException e) {
      // the connection is gone either way
    }
  }
}
