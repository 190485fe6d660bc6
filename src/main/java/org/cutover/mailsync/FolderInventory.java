package org.cutover.mailsync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * What an incremental pass reads of a source folder: the flags of messages below the floor (all, or
 * only those changed since a modification sequence), which of those UIDs still exist (null when
 * every one's flags were read), and the full metadata of the messages from the floor on.
 */
record FolderInventory(
    List<SourceMessage> older, UidRanges olderPresent, List<SourceMessage> newer) {

  /**
   * Reads a folder's inventory in one round trip: the commands are independent and are all sent
   * before the first answer is read. With {@code changedSince} above zero (CONDSTORE, RFC 7162),
   * only flags changed after that modification sequence come back, and a UID SEARCH (as ESEARCH
   * where offered: one short line) says which older messages are still there; a folder of fifty
   * thousand messages with ten new ones then costs a few lines instead of fifty thousand.
   */
  static FolderInventory read(IMAPProtocol p, long floor, long changedSince)
      throws ProtocolException {
    String older = "1:" + (floor - 1);
    boolean search = changedSince > 0;
    List<String> commands = new ArrayList<>();
    List<Argument> arguments = new ArrayList<>();
    if (search) {
      Argument criteria = new Argument();
      if (p.hasCapability("ESEARCH")) {
        criteria.writeAtom("RETURN").writeArgument(new Argument().writeAtom("ALL"));
      }
      commands.add("UID SEARCH");
      arguments.add(criteria.writeAtom("UID").writeAtom(older));
    }
    Argument flags = new Argument().writeAtom(older);
    flags.writeArgument(new Argument().writeAtom("UID").writeAtom("FLAGS"));
    if (search) {
      flags.writeArgument(new Argument().writeAtom("CHANGEDSINCE").writeNumber(changedSince));
    }
    commands.add("UID FETCH");
    arguments.add(flags);
    Argument newer = new Argument().writeAtom(floor + ":*");
    newer.writeArgument(ImapCommands.metadataItems());
    commands.add("UID FETCH");
    arguments.add(newer);

    Map<Long, SourceMessage> olderFlags = new LinkedHashMap<>();
    Map<Long, SourceMessage> newerMetadata = new LinkedHashMap<>();
    List<long[]> listed = new ArrayList<>();
    String[] allSet = {null};
    List<Response> answers =
        ImapCommands.pipeline(
            p,
            commands,
            arguments,
            r -> {
              if (r instanceof IMAPResponse ir && ir.keyEquals("ESEARCH")) {
                allSet[0] = esearchAll(ir.toString());
              } else if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                listed.add(searchUids(ir.toString()));
              } else {
                SourceMessage below = olderFlags(r, floor);
                if (below != null) {
                  olderFlags.put(below.uid(), below);
                } else {
                  ImapCommands.addMetadata(r, floor, newerMetadata);
                }
              }
            });
    for (Response answer : answers) {
      p.handleResult(answer);
    }
    UidRanges present = null;
    if (search) {
      present =
          allSet[0] != null
              ? UidRanges.parse(allSet[0])
              : UidRanges.of(listed.stream().flatMapToLong(Arrays::stream).toArray());
    }
    return new FolderInventory(
        new ArrayList<>(olderFlags.values()), present, new ArrayList<>(newerMetadata.values()));
  }

  /** UID and flags from a FETCH response about a message below {@code floor}, else null. */
  private static SourceMessage olderFlags(Response r, long floor) {
    if (r instanceof FetchResponse fr) {
      UID uid = fr.getItem(UID.class);
      FLAGS f = fr.getItem(FLAGS.class);
      return uid != null && uid.uid < floor && f != null
          ? new SourceMessage(uid.uid, FlagSet.of(f), null, null, 0)
          : null;
    }
    UnparsedFetch u = UnparsedFetch.of(r);
    return u != null && u.uid() < floor
        ? new SourceMessage(u.uid(), u.flags(), null, null, 0)
        : null;
  }

  /** The ALL set of an ESEARCH answer ({@code * ESEARCH (TAG "A1") UID ALL 1:5,7}), or null. */
  static String esearchAll(String line) {
    String[] words = words(line);
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].equalsIgnoreCase("ALL")) {
        return words[i + 1];
      }
    }
    return null;
  }

  /** The numbers of a SEARCH answer ({@code * SEARCH 2 5 7}). */
  static long[] searchUids(String line) {
    String[] words = words(line);
    long[] out = new long[words.length];
    int n = 0;
    for (int i = 2; i < words.length; i++) { // after "*" and "SEARCH"
      if (isNumber(words[i])) {
        out[n++] = Long.parseLong(words[i]);
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static String[] words(String line) {
    StringTokenizer words = new StringTokenizer(line);
    String[] out = new String[words.countTokens()];
    for (int i = 0; i < out.length; i++) {
      out[i] = words.nextToken();
    }
    return out;
  }

  private static boolean isNumber(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) < '0' || word.charAt(i) > '9') {
        return false;
      }
    }
    return !word.isEmpty() && word.length() < 19;
  }
}
