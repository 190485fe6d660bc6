package org.cutover.mailsync;

import java.util.Locale;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one mailbox as a migration will, before it starts: logs in for its user, lists its folders,
 * opens each read-only and counts its messages and their size, and reads the storage quota where
 * the server offers QUOTA. Reads no message and changes nothing.
 */
public final class MailboxInspector {

  private static final Logger log = LoggerFactory.getLogger(MailboxInspector.class);

  private final ImapConnector connector = new ImapConnector();

  public MailboxInspection inspect(MailAccount account) {
    String role = account instanceof TargetAccount ? "target" : "source";
    try (ImapSession session = connector.open(account, role)) {
      // A login without the right to see the INBOX lists no folder at all on some servers
      // (Dovecot's ACLs): that must read as no access, never as an empty mailbox.
      try {
        session.call("EXAMINE INBOX", p -> ImapCommands.open(p, "INBOX", true));
      } catch (ImapFailure f) {
        if (f.problem() != EndpointProblem.COMMAND_REFUSED) {
          throw f;
        }
        return new MailboxInspection.Failed(
            EndpointProblem.NO_MAILBOX_ACCESS, f.getMessage(), "INBOX");
      }
      FolderLister.Listing listing = FolderLister.list(session, false);
      boolean statusSize = session.has("STATUS=SIZE");
      int folders = 0;
      long messages = 0;
      long bytes = 0;
      for (RemoteFolder folder : listing.folders()) {
        if (!folder.selectable()) {
          continue;
        }
        long[] counted;
        try {
          counted = session.call("read " + folder.name(), p -> count(p, folder.name(), statusSize));
        } catch (ImapFailure f) {
          if (f.problem() != EndpointProblem.COMMAND_REFUSED) {
            throw f;
          }
          return new MailboxInspection.Failed(
              EndpointProblem.NO_MAILBOX_ACCESS, f.getMessage(), folder.displayPath());
        }
        folders++;
        messages += counted[0];
        bytes += counted[1];
      }
      long free = session.has("QUOTA") ? session.call("GETQUOTAROOT", MailboxInspector::free) : -1;
      log.info(
          "Inspected {}: {} folders, {} messages, {} bytes",
          account.describe(),
          folders,
          messages,
          bytes);
      return new MailboxInspection.Opened(folders, messages, bytes, free);
    } catch (ImapFailure f) {
      log.info("Inspection of {} failed: {}", account.describe(), f.problem());
      return new MailboxInspection.Failed(f.problem(), f.getMessage(), null);
    }
  }

  /** Messages and bytes of one folder. */
  private static long[] count(IMAPProtocol p, String name, boolean statusSize)
      throws ProtocolException {
    if (statusSize) {
      long[] out = {0, -1};
      Argument args = new Argument();
      ImapCommands.writeMailboxName(p, args, name);
      args.writeArgument(new Argument().writeAtom("MESSAGES").writeAtom("SIZE"));
      ImapCommands.stream(
          p,
          "STATUS",
          args,
          r -> {
            String line = r.toString().toUpperCase(Locale.ROOT);
            out[0] = number(line, "MESSAGES ");
            out[1] = number(line, "SIZE ");
          });
      if (out[1] >= 0) {
        return out;
      }
    }
    // EXAMINE also proves the login may read the folder, which STATUS alone does not.
    long total = ImapCommands.open(p, name, true).messages();
    long[] out = {total, 0};
    if (total > 0) {
      ImapCommands.stream(
          p,
          "FETCH",
          new Argument().writeAtom("1:*").writeAtom("RFC822.SIZE"),
          r -> {
            if (r instanceof FetchResponse fetch) {
              RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
              if (size != null) {
                out[1] += size.size;
              }
            }
          });
    }
    return out;
  }

  /** Free storage of the INBOX's quota root in bytes, or -1 without a storage limit. */
  private static long free(IMAPProtocol p) throws ProtocolException {
    long free = -1;
    for (jakarta.mail.Quota quota : p.getQuotaRoot("INBOX")) {
      for (jakarta.mail.Quota.Resource resource : quota.resources) {
        if ("STORAGE".equalsIgnoreCase(resource.name)) {
          // STORAGE is counted in units of 1024 octets (RFC 9208).
          long left = Math.max(0, resource.limit - resource.usage) * 1024;
          free = free < 0 ? left : Math.min(free, left);
        }
      }
    }
    return free;
  }

  private static long number(String line, String item) {
    int at = line.indexOf(item);
    if (at < 0) {
      return -1;
    }
    int start = at + item.length();
    int end = start;
    while (end < line.length() && Character.isDigit(line.charAt(end))) {
      end++;
    }
    return end > start ? Long.parseLong(line.substring(start, end)) : -1;
  }
}
