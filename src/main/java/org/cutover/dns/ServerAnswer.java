package org.cutover.dns;

import java.time.Duration;

/**
 * What one server answered to one question (name and type). Every way a query can end is one of
 * these shapes, each with a sentence for the administrator; nothing here is an exception.
 */
public sealed interface ServerAnswer {

  NameServer server();

  /** One line for reports, e.g. {@code ns1.contoso.com. (192.0.2.53:53): no MX records}. */
  String describe();

  /** The server answered and holds records of the asked type at the name. */
  record Records(NameServer server, RecordSet records, Transport transport)
      implements ServerAnswer {
    @Override
    public String describe() {
      String lines = records.describe().replace("\n", "; ");
      return server.describe() + ": " + lines + via(transport);
    }
  }

  /** The name exists but has no records of the asked type (NODATA). */
  record NoRecords(NameServer server, String name, RecordType type, Transport transport)
      implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": " + name + " has no " + type + " records" + via(transport);
    }
  }

  /** The name is an alias: it holds a CNAME, not records of the asked type. */
  record Alias(NameServer server, String name, String canonicalName, Transport transport)
      implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": " + name + " is an alias (CNAME) for " + canonicalName;
    }
  }

  /** The name does not exist (NXDOMAIN). */
  record NoSuchName(NameServer server, String name, Transport transport) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": " + name + " does not exist (NXDOMAIN)" + via(transport);
    }
  }

  /**
   * Asked as an authoritative server, it answered without the authoritative flag or refused the
   * question: it does not serve the zone (a lame delegation, or the wrong server).
   */
  record NotAuthoritative(NameServer server, String detail) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": not authoritative (" + detail + ")";
    }
  }

  /** The server refused the question (REFUSED), e.g. a resolver that does not serve us. */
  record Refused(NameServer server) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": refused the question (REFUSED)";
    }
  }

  /** The server could not answer (SERVFAIL): zone not loaded, upstream or DNSSEC failure. */
  record ServerFailure(NameServer server) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": server failure (SERVFAIL)";
    }
  }

  /** No answer arrived in time, after every attempt. */
  record TimedOut(NameServer server, Duration waited, int attempts) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe()
          + ": no answer within "
          + waited.toMillis()
          + " ms ("
          + attempts
          + (attempts == 1 ? " attempt)" : " attempts)");
    }
  }

  /** The server could not be reached at all (connection refused, port unreachable, no route). */
  record Unreachable(NameServer server, String detail) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": unreachable (" + detail + ")";
    }
  }

  /** The UDP answer was truncated and the retry over TCP failed, so no full answer was read. */
  record Truncated(NameServer server, String tcpProblem) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe()
          + ": answer truncated over UDP and TCP failed ("
          + tcpProblem
          + "); allow TCP port 53 to this server";
    }
  }

  /** The answer could not be used: malformed, mismatched, or an unexpected response code. */
  record BadAnswer(NameServer server, String detail) implements ServerAnswer {
    @Override
    public String describe() {
      return server.describe() + ": unusable answer (" + detail + ")";
    }
  }

  private static String via(Transport transport) {
    return transport == Transport.UDP ? "" : " [" + transport + "]";
  }
}
