package org.cutover.mailsync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * A FETCH response Angus could not parse ({@link SyncProtocol} hands it over), read from its text:
 * UID, flags and size, and the INTERNALDATE where it can be read (else none: the copy then gets the
 * target's arrival time, and the pass says so).
 */
record UnparsedFetch(long uid, FlagSet flags, String internalDate, Instant instant, long size) {

  private static final Pattern UID_TEXT = Pattern.compile("\\bUID (\\d+)");
  private static final Pattern SIZE_TEXT = Pattern.compile("\\bRFC822\\.SIZE (\\d+)");
  private static final Pattern FLAGS_TEXT = Pattern.compile("\\bFLAGS \\(([^)]*)\\)");

  /** The response read this way, or null when it is no FETCH or names no UID. */
  static UnparsedFetch of(Response r) {
    if (!(r instanceof IMAPResponse ir) || r instanceof FetchResponse || !ir.keyEquals("FETCH")) {
      return null;
    }
    String text = r.toString();
    Matcher uid = UID_TEXT.matcher(text);
    if (!uid.find()) {
      return null;
    }
    Matcher size = SIZE_TEXT.matcher(text);
    Matcher flags = FLAGS_TEXT.matcher(text);
    List<String> flagList = new ArrayList<>();
    if (flags.find()) {
      for (String f : flags.group(1).trim().split("\\s+")) {
        if (!f.isEmpty()) {
          flagList.add(f);
        }
      }
    }
    String raw = ImapCommands.rawInternalDate(text);
    Instant instant = ImapCommands.parseDate(raw);
    return new UnparsedFetch(
        Long.parseLong(uid.group(1)),
        FlagSet.of(flagList),
        instant == null ? null : raw,
        instant,
        size.find() ? Long.parseLong(size.group(1)) : -1);
  }

  SourceMessage message() {
    return new SourceMessage(uid, flags, internalDate, instant, Math.max(0, size));
  }
}
