package org.cutover.mailsync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.MailboxInfo;
import org.eclipse.angus.mail.imap.protocol.Namespaces;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The IMAP commands the engine needs beyond Angus Mail's own API, written with Angus's protocol
 * classes: streamed UID FETCH (one response in memory at a time), APPEND and MULTIAPPEND with flags
 * and INTERNALDATE from a streamed literal, UID STORE, UID EXPUNGE, LIST with RETURN options.
 */
final class ImapCommands {

  private static final Pattern INTERNALDATE_TEXT = Pattern.compile("INTERNALDATE \"([^\"]+)\"");
  private static final Pattern APPENDUID = Pattern.compile("(?i)\\[APPENDUID (\\d+) ([0-9:,]+)\\]");
  private static final DateTimeFormatter IMAP_DATE =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);

  private ImapCommands() {}

  /**
   * A selected (or examined) mailbox; {@code keywords} is how many keywords its FLAGS answer lists,
   * -1 when it gave none.
   */
  record MailboxState(
      String name,
      long uidValidity,
      long uidNext,
      long messages,
      long highestModSeq,
      FlagSet.FlagRules permanentFlags,
      int keywords) {}

  static MailboxState open(IMAPProtocol p, String name, boolean readOnly) throws ProtocolException {
    // CONDSTORE only where it is read (the source's HIGHESTMODSEQ): enabling it on the target
    // would make the server track modification sequences for nothing.
    ResyncData rd = readOnly && p.hasCapability("CONDSTORE") ? ResyncData.CONDSTORE : null;
    MailboxInfo mi = readOnly ? p.examine(name, rd) : p.select(name, rd);
    return new MailboxState(
        name,
        mi.uidvalidity,
        mi.uidnext,
        Math.max(0, mi.total),
        mi.highestmodseq,
        readOnly ? FlagSet.FlagRules.ALL : FlagSet.FlagRules.of(mi.permanentFlags),
        mi.availableFlags == null ? -1 : mi.availableFlags.getUserFlags().length);
  }

  /**
   * Sends {@code command} and hands each untagged response to {@code each} as it arrives; throws
   * when the command fails.
   */
  static void stream(IMAPProtocol p, String command, Argument args, Consumer<Response> each)
      throws ProtocolException {
    p.handleResult(pipeline(p, List.of(command), List.of(args), each).get(0));
  }

  /** UID, flags, INTERNALDATE and size of the messages in {@code uidRange}. */
  static List<SourceMessage> fetchMetadata(IMAPProtocol p, String uidRange, long minUid)
      throws ProtocolException {
    Map<Long, SourceMessage> out = new LinkedHashMap<>();
    Argument args = new Argument().writeAtom(uidRange);
    args.writeArgument(metadataItems());
    stream(p, "UID FETCH", args, r -> addMetadata(r, minUid, out));
    return new ArrayList<>(out.values());
  }

  static Argument metadataItems() {
    return new Argument()
        .writeAtom("UID")
        .writeAtom("FLAGS")
        .writeAtom("INTERNALDATE")
        .writeAtom("RFC822.SIZE");
  }

  /**
   * Adds a FETCH response that carries a message's size, by UID. A FETCH without it is a flag
   * change another session made, which the server may report at any time: it names no message to
   * copy, and counting it would copy one message twice.
   */
  static void addMetadata(Response r, long minUid, Map<Long, SourceMessage> into) {
    if (r instanceof FetchResponse fr) {
      UID uid = fr.getItem(UID.class);
      RFC822SIZE size = fr.getItem(RFC822SIZE.class);
      if (uid == null || uid.uid < minUid || size == null) {
        return;
      }
      INTERNALDATE date = fr.getItem(INTERNALDATE.class);
      Instant instant = date == null ? null : date.getDate().toInstant();
      String raw = date == null ? null : rawInternalDate(fr.toString());
      into.put(
          uid.uid,
          new SourceMessage(
              uid.uid,
              FlagSet.of(fr.getItem(FLAGS.class)),
              // the source's own text is appended as it is; the parsed date only if it is missing
              raw != null || instant == null ? raw : format(instant),
              instant,
              size.size));
    } else {
      UnparsedFetch u = UnparsedFetch.of(r);
      if (u != null && u.uid() >= minUid && u.size() >= 0) {
        into.put(u.uid(), u.message());
      }
    }
  }

  /**
   * Sends every command before reading any answer, hands each untagged response to {@code each},
   * and returns the tagged answers in command order. Only for commands that do not depend on each
   * other (RFC 3501 section 5.5).
   */
  static List<Response> pipeline(
      IMAPProtocol p, List<String> commands, List<Argument> arguments, Consumer<Response> each)
      throws ProtocolException {
    List<String> tags = new ArrayList<>();
    try {
      for (int i = 0; i < commands.size(); i++) {
        tags.add(p.writeCommand(commands.get(i), arguments.get(i)));
      }
    } catch (IOException e) {
      throw new ConnectionException(p, Response.byeResponse(e));
    }
    Map<String, Response> byTag = new HashMap<>();
    while (byTag.size() < tags.size()) {
      Response r;
      try {
        r = p.readResponse();
      } catch (IOException e) {
        throw new ConnectionException(p, Response.byeResponse(e));
      } catch (ProtocolException e) {
        continue; // an unparseable response: skipped, as Angus's own command loop does
      }
      if (r.isBYE()) {
        throw new ConnectionException(p, r);
      }
      if (r.isTagged() && tags.contains(r.getTag())) {
        byTag.put(r.getTag(), r);
      } else if (!r.isTagged() && !r.isContinuation()) {
        each.accept(r);
      }
    }
    List<Response> out = new ArrayList<>(tags.size());
    tags.forEach(t -> out.add(byTag.get(t)));
    return out;
  }

  /** A message's identity as the server sees it now (for re-matching). */
  record Identified(long uid, FlagSet flags, MessageFingerprint fingerprint) {}

  /** Fingerprints (and flags) of the messages in {@code uidRange} with UID at least minUid. */
  static List<Identified> fetchFingerprints(IMAPProtocol p, String uidRange, long minUid)
      throws ProtocolException {
    List<Identified> out = new ArrayList<>();
    List<Long> unreadable = new ArrayList<>();
    Argument args = new Argument().writeAtom(uidRange);
    args.writeArgument(
        new Argument()
            .writeAtom("UID")
            .writeAtom("FLAGS")
            .writeAtom("INTERNALDATE")
            .writeAtom("RFC822.SIZE")
            .writeAtom("BODY.PEEK[HEADER]"));
    stream(
        p,
        "UID FETCH",
        args,
        r -> {
          if (r instanceof FetchResponse fr) {
            UID uid = fr.getItem(UID.class);
            if (uid == null || uid.uid < minUid) {
              return;
            }
            BODY header = fr.getItem(BODY.class);
            INTERNALDATE date = fr.getItem(INTERNALDATE.class);
            RFC822SIZE size = fr.getItem(RFC822SIZE.class);
            ByteArray h = header == null ? null : header.getByteArray();
            Instant instant = date == null ? null : date.getDate().toInstant();
            MessageFingerprint fp =
                h == null
                    ? MessageFingerprint.of(
                        new byte[0], 0, 0, instant, size == null ? 0 : size.size)
                    : MessageFingerprint.of(
                        h.getBytes(),
                        h.getStart(),
                        h.getCount(),
                        instant,
                        size == null ? 0 : size.size);
            out.add(new Identified(uid.uid, FlagSet.of(fr.getItem(FLAGS.class)), fp));
          } else {
            UnparsedFetch u = UnparsedFetch.of(r);
            if (u != null && u.uid() >= minUid) {
              unreadable.add(u.uid());
            }
          }
        });
    if (!unreadable.isEmpty()) {
      // Without its fingerprint a message on the target looks absent and would be copied again.
      throw new ProtocolException(
          "the FETCH answers for UID "
              + UidSet.format(unreadable, 20).get(0)
              + " could not be read, so messages cannot be matched safely; the folder is left as"
              + " it is");
    }
    return out;
  }

  /**
   * What the target stored for the messages in {@code uidSet}: size and header digest by UID (the
   * fingerprint's Message-ID and date are left empty), read with one {@code UID FETCH}.
   */
  static Map<Long, MessageFingerprint> fetchStored(IMAPProtocol p, String uidSet)
      throws ProtocolException {
    Map<Long, MessageFingerprint> out = new HashMap<>();
    Argument args = new Argument().writeAtom(uidSet);
    args.writeArgument(
        new Argument().writeAtom("UID").writeAtom("RFC822.SIZE").writeAtom("BODY.PEEK[HEADER]"));
    stream(
        p,
        "UID FETCH",
        args,
        r -> {
          if (r instanceof FetchResponse fr) {
            UID uid = fr.getItem(UID.class);
            RFC822SIZE size = fr.getItem(RFC822SIZE.class);
            BODY header = fr.getItem(BODY.class);
            ByteArray h = header == null ? null : header.getByteArray();
            if (uid != null && size != null && h != null) {
              out.put(
                  uid.uid,
                  MessageFingerprint.of(h.getBytes(), h.getStart(), h.getCount(), null, size.size));
            }
          }
        });
    return out;
  }

  /**
   * The Message-ID and subject of the messages in {@code uidSet}, by UID, read with one {@code UID
   * FETCH} of those two header fields; a message the server answers nothing for is absent.
   */
  static Map<Long, MessageEnvelope> fetchEnvelopes(IMAPProtocol p, String uidSet)
      throws ProtocolException {
    Map<Long, MessageEnvelope> out = new HashMap<>();
    Argument args = new Argument().writeAtom(uidSet);
    args.writeArgument(
        new Argument().writeAtom("UID").writeAtom("BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT)]"));
    stream(
        p,
        "UID FETCH",
        args,
        r -> {
          if (r instanceof FetchResponse fr) {
            UID uid = fr.getItem(UID.class);
            BODY header = fr.getItem(BODY.class);
            ByteArray h = header == null ? null : header.getByteArray();
            if (uid != null && h != null) {
              out.put(uid.uid, MessageEnvelope.of(h.getBytes(), h.getStart(), h.getCount()));
            }
          }
        });
    return out;
  }

  /**
   * The bytes of the messages in {@code uidSet}, by UID; a message the server returns NIL for is
   * absent from the map. On a {@link SyncProtocol} each body is read into an array from {@code
   * buffers}, sized by {@code sizes} (the expected size by UID; servers answer in UID order); the
   * caller hands those arrays back. On failure they are handed back here.
   */
  static Map<Long, ByteArray> fetchBodies(
      IMAPProtocol p, String uidSet, MessageBuffers buffers, NavigableMap<Long, Long> sizes)
      throws ProtocolException {
    Map<Integer, Long> uidBySeq = new HashMap<>();
    Map<Integer, ByteArray> bodyBySeq = new HashMap<>();
    Argument args = new Argument().writeAtom(uidSet);
    args.writeArgument(new Argument().writeAtom("UID").writeAtom("BODY.PEEK[]"));
    SyncProtocol reader = p instanceof SyncProtocol sp ? sp : null;
    long[] lastUid = {0};
    byte[][] handed = {null};
    if (reader != null) {
      reader.readInto(
          () -> {
            if (handed[0] != null) {
              buffers.give(handed[0]); // the last response did not keep it
            }
            Map.Entry<Long, Long> next = sizes.higherEntry(lastUid[0]);
            handed[0] = buffers.take(MessageBuffers.arrayBytes(next == null ? 0 : next.getValue()));
            return new ByteArray(handed[0], 0, handed[0].length);
          });
    }
    boolean complete = false;
    try {
      stream(
          p,
          "UID FETCH",
          args,
          r -> {
            if (r instanceof FetchResponse fr) {
              UID uid = fr.getItem(UID.class);
              BODY body = fr.getItem(BODY.class);
              int seq = fr.getNumber();
              if (uid != null) {
                uidBySeq.put(seq, uid.uid);
                lastUid[0] = Math.max(lastUid[0], uid.uid);
              }
              if (body != null && body.getByteArray() != null) {
                bodyBySeq.put(seq, body.getByteArray());
                if (body.getByteArray().getBytes() == handed[0]) {
                  handed[0] = null; // kept by this body
                }
              }
            }
          });
      complete = true;
    } finally {
      if (reader != null) {
        reader.readInto(null);
        if (handed[0] != null) {
          buffers.give(handed[0]);
        }
        if (!complete) {
          bodyBySeq.values().forEach(b -> buffers.give(b.getBytes()));
        }
      }
    }
    Map<Long, ByteArray> out = new HashMap<>();
    bodyBySeq.forEach(
        (seq, body) -> {
          Long uid = uidBySeq.get(seq);
          if (uid != null) {
            out.put(uid, body);
          } else if (reader != null) {
            buffers.give(body.getBytes());
          }
        });
    return out;
  }

  /**
   * Writes {@code length} bytes of a message from {@code offset} to {@code out}; returns how many
   * came (fewer at the end of the message), or -1 when the server returned nothing.
   */
  static int fetchPart(IMAPProtocol p, long uid, long offset, int length, OutputStream out)
      throws ProtocolException, IOException {
    List<ByteArray> got = new ArrayList<>(1);
    Argument args = new Argument().writeAtom(Long.toString(uid));
    args.writeArgument(
        new Argument().writeAtom("UID").writeAtom("BODY.PEEK[]<" + offset + "." + length + ">"));
    stream(
        p,
        "UID FETCH",
        args,
        r -> {
          if (r instanceof FetchResponse fr) {
            UID u = fr.getItem(UID.class);
            BODY body = fr.getItem(BODY.class);
            if (u != null && u.uid == uid && body != null) {
              got.add(body.getByteArray());
            }
          }
        });
    if (got.isEmpty() || got.get(0) == null) {
      return -1;
    }
    ByteArray b = got.get(0);
    out.write(b.getBytes(), b.getStart(), b.getCount());
    return b.getCount();
  }

  /**
   * Digests of the bodies (the part after the header section) of the messages {@code uids}, by UID,
   * read in parts of {@code partBytes} so that no large message is ever in memory: all messages of
   * a round are asked for in one {@code UID FETCH}, and only those that filled their part are asked
   * again for the next one. A message the server returns nothing for is absent from the result.
   */
  static Map<Long, String> fetchBodyDigests(IMAPProtocol p, List<Long> uids, int partBytes)
      throws ProtocolException {
    Map<Long, MessageFingerprint.BodyDigester> digesters = new HashMap<>();
    Map<Long, String> out = new HashMap<>();
    List<Long> open = new ArrayList<>(uids);
    for (long offset = 0; !open.isEmpty(); offset += partBytes) {
      Map<Long, Integer> got = new HashMap<>();
      for (String set : UidSet.format(open, 400)) {
        Argument args = new Argument().writeAtom(set);
        args.writeArgument(
            new Argument()
                .writeAtom("UID")
                .writeAtom("BODY.PEEK[TEXT]<" + offset + "." + partBytes + ">"));
        stream(
            p,
            "UID FETCH",
            args,
            r -> {
              if (r instanceof FetchResponse fr) {
                UID uid = fr.getItem(UID.class);
                BODY body = fr.getItem(BODY.class);
                if (uid != null && body != null && !got.containsKey(uid.uid)) {
                  ByteArray b = body.getByteArray();
                  int count = b == null ? 0 : b.getCount();
                  if (count > 0) {
                    digesters
                        .computeIfAbsent(uid.uid, u -> new MessageFingerprint.BodyDigester())
                        .update(b.getBytes(), b.getStart(), count);
                  } else {
                    digesters.computeIfAbsent(uid.uid, u -> new MessageFingerprint.BodyDigester());
                  }
                  got.put(uid.uid, count);
                }
              }
            });
      }
      List<Long> next = new ArrayList<>();
      for (long uid : open) {
        Integer count = got.get(uid);
        if (count != null && count >= partBytes) {
          next.add(uid);
        } else if (count != null || digesters.containsKey(uid)) {
          out.put(uid, digesters.remove(uid).finish());
        }
      }
      open = next;
    }
    return out;
  }

  /** What an APPEND (or MULTIAPPEND) answered. */
  sealed interface Appended {
    /** Stored; {@code uids} from APPENDUID, in message order, or empty without UIDPLUS. */
    record Stored(long uidValidity, List<Long> uids) implements Appended {}

    /** Refused with this text (NO or BAD). */
    record Refused(String text) implements Appended {}
  }

  /** APPEND of one or (with MULTIAPPEND) several messages in one command. */
  static Appended append(IMAPProtocol p, String mailbox, List<OutgoingMessage> messages)
      throws ProtocolException {
    Response[] r = p.command("APPEND", appendArguments(p, mailbox, messages));
    Response last = r[r.length - 1];
    if (last.isBYE()) {
      throw new ConnectionException(p, last);
    }
    return appended(last, messages.size());
  }

  /**
   * One APPEND per message, all sent before the first answer is read (needs LITERAL+, so that no
   * literal waits for the server): one round trip for the lot on servers without MULTIAPPEND, such
   * as Exchange Online. Answers come back in message order.
   */
  static List<Appended> appendPipelined(
      IMAPProtocol p, String mailbox, List<OutgoingMessage> messages) throws ProtocolException {
    List<String> commands = new ArrayList<>();
    List<Argument> arguments = new ArrayList<>();
    for (OutgoingMessage m : messages) {
      commands.add("APPEND");
      arguments.add(appendArguments(p, mailbox, List.of(m)));
    }
    List<Appended> out = new ArrayList<>();
    for (Response r : pipeline(p, commands, arguments, r -> {})) {
      out.add(appended(r, 1));
    }
    return out;
  }

  private static Argument appendArguments(
      IMAPProtocol p, String mailbox, List<OutgoingMessage> messages) {
    Argument args = new Argument();
    writeMailboxName(p, args, mailbox);
    for (OutgoingMessage m : messages) {
      args.writeAtom(m.flags().imapList());
      if (m.source().internalDate() != null) {
        args.writeString(m.source().internalDate());
      }
      args.writeBytes(m.body());
    }
    return args;
  }

  private static Appended appended(Response last, int count) {
    if (!last.isOK()) {
      return new Appended.Refused(ImapFailures.responseText(last));
    }
    Matcher m = APPENDUID.matcher(last.toString());
    if (m.find()) {
      List<Long> uids = UidSet.expand(m.group(2));
      if (uids.size() == count) {
        return new Appended.Stored(Long.parseLong(m.group(1)), uids);
      }
    }
    return new Appended.Stored(0, List.of());
  }

  /** UID STORE of {@code +FLAGS.SILENT} or {@code -FLAGS.SILENT}. */
  static void storeFlags(IMAPProtocol p, String uidSet, FlagSet flags, boolean add)
      throws ProtocolException {
    if (flags.isEmpty()) {
      return;
    }
    Argument args =
        new Argument()
            .writeAtom(uidSet)
            .writeAtom(add ? "+FLAGS.SILENT" : "-FLAGS.SILENT")
            .writeAtom(flags.imapList());
    simple(p, "UID STORE", args);
  }

  static void uidExpunge(IMAPProtocol p, String uidSet) throws ProtocolException {
    simple(p, "UID EXPUNGE", new Argument().writeAtom(uidSet));
  }

  /** Runs a command whose untagged answers do not matter, failing on NO/BAD/BYE. */
  static void simple(IMAPProtocol p, String command, Argument args) throws ProtocolException {
    Response[] r = p.command(command, args);
    Response last = r[r.length - 1];
    if (last.isBYE()) {
      throw new ConnectionException(p, last);
    }
    p.handleResult(last);
  }

  /** A folder's STATUS; -1 for what the server did not say. */
  record FolderStatus(long messages, long uidNext, long uidValidity, long highestModSeq) {
    static FolderStatus of(Status s) {
      return new FolderStatus(s.total, s.uidnext, s.uidvalidity, s.highestmodseq);
    }
  }

  /** Folders with their attributes ({@code \Subscribed} included) and, where cheap, STATUS. */
  record Listed(List<ListInfo> folders, Map<String, FolderStatus> statuses) {}

  /**
   * All folders with attributes; subscription shown as the {@code \Subscribed} attribute. With
   * LIST-STATUS the folders' STATUS comes in the same command ({@code HIGHESTMODSEQ} only when
   * {@code withModSeq}, so that a target never turns on CONDSTORE for nothing).
   */
  static Listed listFolders(IMAPProtocol p, boolean withModSeq) throws ProtocolException {
    boolean extended = p.hasCapability("LIST-EXTENDED");
    boolean specialUse = p.hasCapability("SPECIAL-USE");
    boolean listStatus = extended && p.hasCapability("LIST-STATUS");
    Argument args = new Argument();
    writeMailboxName(p, args, "");
    writeMailboxName(p, args, "*");
    if (extended) {
      Argument ret = new Argument();
      if (specialUse) {
        ret.writeAtom("SPECIAL-USE");
      }
      ret.writeAtom("SUBSCRIBED");
      if (listStatus) {
        ret.writeAtom("STATUS").writeArgument(statusItems(p, withModSeq));
      }
      args.writeAtom("RETURN").writeArgument(ret);
    }
    List<ListInfo> listed = new ArrayList<>();
    Map<String, FolderStatus> statuses = new HashMap<>();
    stream(
        p,
        "LIST",
        args,
        r -> {
          addListInfo(r, "LIST", listed);
          addStatus(r, statuses);
        });
    if (extended) {
      return new Listed(listed, statuses);
    }
    List<ListInfo> subscribed = new ArrayList<>();
    Argument lsub = new Argument();
    writeMailboxName(p, lsub, "");
    writeMailboxName(p, lsub, "*");
    stream(p, "LSUB", lsub, r -> addListInfo(r, "LSUB", subscribed));
    java.util.Set<String> names = new java.util.HashSet<>();
    subscribed.forEach(s -> names.add(s.name));
    for (ListInfo li : listed) {
      if (names.contains(li.name)) {
        String[] attrs = java.util.Arrays.copyOf(li.attrs, li.attrs.length + 1);
        attrs[attrs.length - 1] = "\\Subscribed";
        li.attrs = attrs;
      }
    }
    return new Listed(listed, statuses);
  }

  /** STATUS of one folder, or null when the server said nothing. */
  static FolderStatus status(IMAPProtocol p, String name, boolean withModSeq)
      throws ProtocolException {
    Map<String, FolderStatus> out = new HashMap<>();
    Argument args = new Argument();
    writeMailboxName(p, args, name);
    args.writeArgument(statusItems(p, withModSeq));
    stream(p, "STATUS", args, r -> addStatus(r, out));
    return out.values().stream().findFirst().orElse(null);
  }

  private static Argument statusItems(IMAPProtocol p, boolean withModSeq) {
    Argument items =
        new Argument().writeAtom("MESSAGES").writeAtom("UIDNEXT").writeAtom("UIDVALIDITY");
    if (withModSeq && p.hasCapability("CONDSTORE")) {
      items.writeAtom("HIGHESTMODSEQ");
    }
    return items;
  }

  private static void addStatus(Response r, Map<String, FolderStatus> into) {
    if (r instanceof IMAPResponse ir && ir.keyEquals("STATUS")) {
      try {
        Status st = new Status(ir);
        into.put(st.mbox, FolderStatus.of(st));
      } catch (ProtocolException e) {
        // a malformed STATUS line tells nothing usable
      }
    }
  }

  private static void addListInfo(Response r, String key, List<ListInfo> into) {
    if (r instanceof IMAPResponse ir && ir.keyEquals(key)) {
      try {
        into.add(new ListInfo(ir));
      } catch (ProtocolException e) {
        // a malformed LIST line names no usable folder
      }
    }
  }

  /** The personal namespace's prefix and delimiter and the other namespaces' prefixes. */
  record NamespaceInfo(String personalPrefix, char delimiter, List<String> otherPrefixes) {}

  static NamespaceInfo namespace(IMAPProtocol p) throws ProtocolException {
    if (!p.hasCapability("NAMESPACE")) {
      return null;
    }
    Namespaces ns = p.namespace();
    if (ns == null) {
      return null;
    }
    List<String> others = new ArrayList<>();
    addPrefixes(ns.otherUsers, others);
    addPrefixes(ns.shared, others);
    if (ns.personal == null || ns.personal.length == 0) {
      return new NamespaceInfo("", '\0', others);
    }
    return new NamespaceInfo(ns.personal[0].prefix, ns.personal[0].delimiter, others);
  }

  private static void addPrefixes(Namespaces.Namespace[] list, List<String> into) {
    if (list != null) {
      for (Namespaces.Namespace n : list) {
        if (n.prefix != null && !n.prefix.isEmpty()) {
          into.add(n.prefix);
        }
      }
    }
  }

  /** CREATE, with {@code USE (\Role)} when the role is given and the server can. */
  static void create(IMAPProtocol p, String name, String specialUseAttribute)
      throws ProtocolException {
    Argument args = new Argument();
    writeMailboxName(p, args, name);
    if (specialUseAttribute != null && p.hasCapability("CREATE-SPECIAL-USE")) {
      args.writeArgument(
          new Argument()
              .writeAtom("USE")
              .writeArgument(new Argument().writeAtom(specialUseAttribute)));
    }
    simple(p, "CREATE", args);
  }

  static void subscribe(IMAPProtocol p, String name) throws ProtocolException {
    Argument args = new Argument();
    writeMailboxName(p, args, name);
    simple(p, "SUBSCRIBE", args);
  }

  static void writeMailboxName(IMAPProtocol p, Argument args, String name) {
    if (p.supportsUtf8()) {
      args.writeString(name, StandardCharsets.UTF_8);
    } else {
      args.writeString(BASE64MailboxEncoder.encode(name));
    }
  }

  static String rawInternalDate(String response) {
    Matcher m = INTERNALDATE_TEXT.matcher(response);
    return m.find() ? m.group(1) : null;
  }

  /** An INTERNALDATE's instant, or null when there is none or it cannot be read. */
  static Instant parseDate(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(raw.trim(), IMAP_DATE).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An INTERNALDATE in IMAP form, in UTC. */
  static String format(Instant instant) {
    return IMAP_DATE.format(instant.atZone(java.time.ZoneOffset.UTC));
  }
}
