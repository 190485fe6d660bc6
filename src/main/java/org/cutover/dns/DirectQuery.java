package org.cutover.dns;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * Asks one server one question, directly and without any cache, so TTLs are the server's own. UDP
 * first (retried on time-out), then TCP when the UDP answer is truncated. Every ending is a {@link
 * ServerAnswer}; this class never throws for a DNS or network problem.
 */
public final class DirectQuery {

  /** Asked as an authoritative server (no recursion wanted, AA flag required) or as a resolver. */
  public enum Mode {
    AUTHORITATIVE,
    RECURSIVE
  }

  /** EDNS(0) UDP payload size we offer (the DNS flag day 2020 value). */
  static final int EDNS_PAYLOAD = 1232;

  private static final Logger log = LoggerFactory.getLogger(DirectQuery.class);

  private final Duration timeout;
  private final int udpAttempts;

  /**
   * @param timeout how long to wait for each answer
   * @param udpAttempts how often to send over UDP before giving up (at least 1)
   */
  public DirectQuery(Duration timeout, int udpAttempts) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The DNS query time-out must be positive: " + timeout);
    }
    if (udpAttempts < 1) {
      throw new IllegalArgumentException("At least one UDP attempt is needed: " + udpAttempts);
    }
    this.timeout = timeout;
    this.udpAttempts = udpAttempts;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Asks {@code server} for the {@code type} records at {@code name}. */
  public ServerAnswer ask(NameServer server, String name, RecordType type, Mode mode) {
    Name qname;
    try {
      qname = DnsNames.toName(name);
    } catch (IllegalArgumentException e) {
      return new ServerAnswer.BadAnswer(server, "not asked: " + e.getMessage());
    }
    Message query = Message.newQuery(Record.newRecord(qname, type.code(), DClass.IN));
    if (mode == Mode.AUTHORITATIVE) {
      query.getHeader().unsetFlag(Flags.RD);
    }
    Message response = null;
    Transport transport = Transport.UDP;
    int attempts = 0;
    while (response == null) {
      attempts++;
      try {
        response = resolver(server, false).send(query);
      } catch (IOException e) {
        Failure failure = Failure.of(e);
        if (failure.timedOut() && attempts < udpAttempts) {
          continue;
        }
        log.debug("DNS {} {} at {} failed over UDP: {}", qname, type, server, failure.detail());
        return failure.timedOut()
            ? new ServerAnswer.TimedOut(server, timeout.multipliedBy(attempts), attempts)
            : failure.answer(server);
      }
    }
    if (response.getHeader().getFlag(Flags.TC)) {
      try {
        response = resolver(server, true).send(query);
        transport = Transport.TCP_AFTER_TRUNCATION;
      } catch (IOException e) {
        Failure failure = Failure.of(e);
        return new ServerAnswer.Truncated(
            server,
            failure.timedOut()
                ? "no answer over TCP within " + timeout.toMillis() + " ms"
                : failure.detail());
      }
    }
    return classify(server, qname, type, mode, response, transport);
  }

  private SimpleResolver resolver(NameServer server, boolean tcp) {
    SimpleResolver resolver = new SimpleResolver(server.address());
    resolver.setTimeout(timeout);
    resolver.setTCP(tcp);
    resolver.setIgnoreTruncation(true);
    resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
    return resolver;
  }

  private static ServerAnswer classify(
      NameServer server,
      Name qname,
      RecordType type,
      Mode mode,
      Message response,
      Transport transport) {
    int rcode = response.getRcode();
    boolean authoritative = response.getHeader().getFlag(Flags.AA);
    if (rcode == Rcode.SERVFAIL) {
      return new ServerAnswer.ServerFailure(server);
    }
    if (rcode == Rcode.REFUSED) {
      return mode == Mode.AUTHORITATIVE
          ? new ServerAnswer.NotAuthoritative(
              server, "it refused the question, so it does not serve " + qname)
          : new ServerAnswer.Refused(server);
    }
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      return new ServerAnswer.BadAnswer(server, "response code " + Rcode.string(rcode));
    }
    if (mode == Mode.AUTHORITATIVE && !authoritative) {
      boolean referral =
          response.getSection(Section.ANSWER).isEmpty()
              && response.getSection(Section.AUTHORITY).stream()
                  .anyMatch(r -> r.getType() == Type.NS);
      return new ServerAnswer.NotAuthoritative(
          server,
          referral
              ? "it referred the question for " + qname + " to other servers"
              : "its answer for " + qname + " lacks the authoritative (AA) flag");
    }
    if (rcode == Rcode.NXDOMAIN) {
      return new ServerAnswer.NoSuchName(server, qname.toString(), transport);
    }
    List<Record> matching =
        response.getSection(Section.ANSWER).stream()
            .filter(r -> r.getName().equals(qname) && r.getType() == type.code())
            .toList();
    if (!matching.isEmpty()) {
      try {
        return new ServerAnswer.Records(server, RecordSet.fromRecords(matching), transport);
      } catch (IllegalArgumentException e) {
        return new ServerAnswer.BadAnswer(server, e.getMessage());
      }
    }
    for (Record record : response.getSection(Section.ANSWER)) {
      if (record instanceof CNAMERecord cname && record.getName().equals(qname)) {
        return new ServerAnswer.Alias(
            server, qname.toString(), cname.getTarget().toString(), transport);
      }
    }
    return new ServerAnswer.NoRecords(server, qname.toString(), type, transport);
  }

  /** Why sending failed, in words. */
  private record Failure(Kind kind, String detail) {

    enum Kind {
      TIMEOUT,
      UNREACHABLE,
      BAD_ANSWER
    }

    static Failure of(IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
          return new Failure(Kind.TIMEOUT, "timed out");
        }
        if (cause instanceof PortUnreachableException) {
          return new Failure(Kind.UNREACHABLE, "port unreachable: nothing listens for DNS there");
        }
        if (cause instanceof ConnectException) {
          return new Failure(Kind.UNREACHABLE, "connection refused");
        }
        if (cause instanceof NoRouteToHostException) {
          return new Failure(Kind.UNREACHABLE, "no route to the server");
        }
        if (cause instanceof WireParseException) {
          return new Failure(Kind.BAD_ANSWER, "malformed answer: " + cause.getMessage());
        }
        if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
          return new Failure(Kind.UNREACHABLE, "the server closed the connection before answering");
        }
      }
      if (e.getMessage() != null && e.getMessage().startsWith("Timed out")) {
        return new Failure(Kind.TIMEOUT, "timed out");
      }
      return new Failure(Kind.UNREACHABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    boolean timedOut() {
      return kind == Kind.TIMEOUT;
    }

    ServerAnswer answer(NameServer server) {
      return kind == Kind.BAD_ANSWER
          ? new ServerAnswer.BadAnswer(server, detail)
          : new ServerAnswer.Unreachable(server, detail);
    }
  }
}
