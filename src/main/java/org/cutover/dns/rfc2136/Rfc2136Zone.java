package org.cutover.dns.rfc2136;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.cutover.dns.DnsNames;
import org.cutover.dns.DnsZone;
import org.cutover.dns.NameServer;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.TsigKey;
import org.cutover.dns.ZoneChange;
import org.cutover.dns.ZoneRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Update;

/**
 * Changes a zone with RFC 2136 dynamic updates signed with TSIG, sent over TCP to the zone's
 * primary server. Every change carries prerequisites: the whole record set as it was read (TTL 0,
 * RFC 2136 §2.4.2), or "no such record set", so a concurrent change makes the server answer
 * NXRRSET/YXRRSET and nothing is overwritten. Reads are signed queries to the same server, and
 * every update is followed by a read.
 */
public final class Rfc2136Zone implements DnsZone {

  private static final Logger log = LoggerFactory.getLogger(Rfc2136Zone.class);

  private final Name zone;
  private final NameServer primary;
  private final TsigKey key;
  private final Duration timeout;

  /**
   * @param zone the zone's apex, e.g. {@code contoso.com}
   * @param primary the server that takes updates (often the hidden primary, not an NS)
   * @param key the TSIG key the server allows to update the zone
   * @param timeout how long to wait for each answer
   */
  public Rfc2136Zone(String zone, NameServer primary, TsigKey key, Duration timeout) {
    this.zone = DnsNames.toName(zone);
    this.primary = primary;
    this.key = key;
    this.timeout = timeout;
  }

  @Override
  public String zone() {
    return zone.toString();
  }

  @Override
  public String describe() {
    return "RFC 2136 updates of "
        + zone
        + " at "
        + primary.describe()
        + " signed with TSIG key "
        + key.name()
        + " ("
        + key.algorithm()
        + ")";
  }

  @Override
  public ZoneRead read(String name, RecordType type) {
    Name owner;
    try {
      owner = within(name);
    } catch (IllegalArgumentException e) {
      return new ZoneRead.Rejected(e.getMessage());
    }
    Message query = Message.newQuery(Record.newRecord(owner, type.code(), DClass.IN));
    query.getHeader().unsetFlag(Flags.RD);
    Message response;
    try {
      response = send(query);
    } catch (IllegalArgumentException e) {
      return new ZoneRead.Rejected(e.getMessage());
    } catch (IOException e) {
      return new ZoneRead.Unavailable(ioProblem("reading " + owner + " " + type, e));
    }
    int rcode = response.getRcode();
    if (rcode == Rcode.NOTAUTH || rcode == Rcode.REFUSED) {
      return new ZoneRead.Rejected(refusal(response, "read " + owner + " " + type));
    }
    if (rcode == Rcode.SERVFAIL) {
      return new ZoneRead.Unavailable(
          primary.describe() + " answered SERVFAIL for " + owner + " " + type);
    }
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      return new ZoneRead.Rejected(
          primary.describe() + " answered " + Rcode.string(rcode) + " for " + owner + " " + type);
    }
    if (!response.getHeader().getFlag(Flags.AA)) {
      return new ZoneRead.Rejected(
          primary.describe()
              + " is not authoritative for "
              + zone
              + "; point Cutover at the zone's primary server");
    }
    List<Record> records =
        response.getSection(Section.ANSWER).stream()
            .filter(r -> r.getName().equals(owner) && r.getType() == type.code())
            .toList();
    if (records.isEmpty()) {
      return new ZoneRead.Absent(owner.toString(), type);
    }
    return new ZoneRead.Present(RecordSet.fromRecords(records));
  }

  @Override
  public ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected) {
    expected.ifPresent(e -> sameRecordSet(wanted, e));
    Name owner;
    try {
      owner = within(wanted.name());
    } catch (IllegalArgumentException e) {
      return new ZoneChange.Rejected(e.getMessage());
    }
    if (expected.isPresent() && expected.get().equals(wanted)) {
      return afterUpdate(wanted.name(), wanted.type(), Optional.of(wanted), "nothing to change");
    }
    Update update = new Update(zone);
    guard(update, owner, wanted.type(), expected);
    update.delete(owner, wanted.type().code());
    for (Record record : wanted.toRecords()) {
      update.add(record);
    }
    return apply(update, wanted.name(), wanted.type(), expected, Optional.of(wanted));
  }

  @Override
  public ZoneChange delete(RecordSet expected) {
    Name owner;
    try {
      owner = within(expected.name());
    } catch (IllegalArgumentException e) {
      return new ZoneChange.Rejected(e.getMessage());
    }
    Update update = new Update(zone);
    guard(update, owner, expected.type(), Optional.of(expected));
    update.delete(owner, expected.type().code());
    return apply(update, expected.name(), expected.type(), Optional.of(expected), Optional.empty());
  }

  private static void guard(
      Update update, Name owner, RecordType type, Optional<RecordSet> expected) {
    if (expected.isEmpty()) {
      update.absent(owner, type.code());
      return;
    }
    for (Record record : expected.get().toRecords(0)) {
      update.present(record);
    }
  }

  private ZoneChange apply(
      Update update,
      String name,
      RecordType type,
      Optional<RecordSet> expected,
      Optional<RecordSet> wanted) {
    Message response;
    try {
      response = send(update);
    } catch (IllegalArgumentException e) {
      return new ZoneChange.Rejected(e.getMessage());
    } catch (IOException e) {
      String problem = ioProblem("updating " + name + " " + type, e);
      ZoneRead now = read(name, type);
      if (now.known().isPresent() && now.known().get().equals(wanted)) {
        log.info("DNS update of {} {} in {} applied though its answer was lost", name, type, zone);
        return new ZoneChange.Applied(wanted);
      }
      return new ZoneChange.Unavailable(problem + "; the zone now holds: " + now.describe());
    }
    int rcode = response.getRcode();
    log.info(
        "DNS update of {} {} in {} at {}: {}",
        name,
        type,
        zone,
        primary.describe(),
        Rcode.string(rcode));
    if (rcode == Rcode.NOERROR) {
      return afterUpdate(name, type, wanted, "the update was accepted");
    }
    if (rcode == Rcode.NXRRSET
        || rcode == Rcode.YXRRSET
        || rcode == Rcode.NXDOMAIN
        || rcode == Rcode.YXDOMAIN) {
      ZoneRead now = read(name, type);
      return new ZoneChange.Conflict(
          now.known().orElse(Optional.empty()),
          "The "
              + type
              + " records of "
              + name
              + " changed since Cutover read them (server answered "
              + Rcode.string(rcode)
              + "); expected "
              + expected.map(e -> e.describe().replace("\n", "; ")).orElse("none")
              + ", the zone now holds "
              + now.describe()
              + ". Nothing was changed.");
    }
    if (rcode == Rcode.SERVFAIL) {
      return new ZoneChange.Unavailable(
          primary.describe() + " answered SERVFAIL to the update of " + name + " " + type);
    }
    return new ZoneChange.Rejected(refusal(response, "update " + name + " " + type));
  }

  private ZoneChange afterUpdate(
      String name, RecordType type, Optional<RecordSet> wanted, String what) {
    ZoneRead now = read(name, type);
    if (now.known().isEmpty()) {
      return new ZoneChange.Unavailable(
          what + ", but reading " + name + " " + type + " again failed: " + now.describe());
    }
    Optional<RecordSet> found = now.known().get();
    if (found.equals(wanted)) {
      return new ZoneChange.Applied(found);
    }
    return new ZoneChange.NotApplied(
        found,
        primary.describe()
            + ": "
            + what
            + " but "
            + name
            + " now holds "
            + now.describe()
            + " instead of "
            + wanted.map(w -> w.describe().replace("\n", "; ")).orElse("nothing")
            + "; the server ignored part of it (a CNAME cannot share its name with other"
            + " records, and in-zone MX hosts need an address)");
  }

  private Message send(Message message) throws IOException {
    TSIG signer = key.signer();
    SimpleResolver resolver = new SimpleResolver(primary.address());
    resolver.setTCP(true);
    resolver.setTimeout(timeout);
    resolver.setTSIGKey(signer);
    Message response = resolver.send(message);
    if (response.getRcode() == Rcode.NOERROR && response.isSigned() && !response.isVerified()) {
      log.warn(
          "Answer from {} for zone {} has a TSIG signature that did not verify", primary, zone);
    }
    return response;
  }

  private String refusal(Message response, String what) {
    int rcode = response.getRcode();
    TSIGRecord tsig = response.getTSIG();
    int tsigError = tsig == null ? Rcode.NOERROR : tsig.getError();
    if (tsigError == Rcode.BADSIG) {
      return primary.describe()
          + " rejected the TSIG signature of key "
          + key.name()
          + " (BADSIG): the secret or algorithm ("
          + key.algorithm()
          + ") differs from the server's key; copy the key again";
    }
    if (tsigError == Rcode.BADKEY) {
      return primary.describe()
          + " does not know TSIG key "
          + key.name()
          + " with algorithm "
          + key.algorithm()
          + " (BADKEY); check the key name and algorithm in the server's configuration";
    }
    if (tsigError == Rcode.BADTIME) {
      return primary.describe()
          + " rejected the TSIG time (BADTIME): the clocks of Cutover and the server differ by"
          + " more than 5 minutes; synchronise them with NTP";
    }
    if (rcode == Rcode.REFUSED) {
      return primary.describe()
          + " refused to "
          + what
          + " (REFUSED): allow TSIG key "
          + key.name()
          + " to update zone "
          + zone
          + " (allow-update or update-policy)";
    }
    if (rcode == Rcode.NOTAUTH) {
      return primary.describe()
          + " is not authoritative for zone "
          + zone
          + " (NOTAUTH); point Cutover at the zone's primary server";
    }
    if (rcode == Rcode.NOTZONE) {
      return "The name is outside zone " + zone + " (NOTZONE): check the zone name";
    }
    return primary.describe()
        + " could not "
        + what
        + " ("
        + Rcode.string(rcode)
        + "); check that it accepts RFC 2136 updates";
  }

  private String ioProblem(String what, IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
        return "No answer from "
            + primary.describe()
            + " within "
            + timeout.toMillis()
            + " ms "
            + what;
      }
    }
    if (e.getMessage() != null && e.getMessage().startsWith("Timed out")) {
      return "No answer from "
          + primary.describe()
          + " within "
          + timeout.toMillis()
          + " ms "
          + what;
    }
    return primary.describe()
        + " could not be reached "
        + what
        + ": "
        + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  private Name within(String name) {
    Name owner = DnsNames.toName(name);
    if (!owner.subdomain(zone)) {
      throw new IllegalArgumentException(owner + " is outside zone " + zone);
    }
    return owner;
  }

  private static void sameRecordSet(RecordSet wanted, RecordSet expected) {
    if (!wanted.name().equals(expected.name()) || wanted.type() != expected.type()) {
      throw new IllegalArgumentException(
          "The expected record set "
              + expected.name()
              + " "
              + expected.type()
              + " is not the one being changed: "
              + wanted.name()
              + " "
              + wanted.type());
    }
  }
}
