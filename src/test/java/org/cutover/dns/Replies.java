package org.cutover.dns;

import java.io.IOException;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Builds replies for {@link ScriptedDnsServer} scripts. */
final class Replies {

  private Replies() {}

  /** A reply to {@code query} with the given flags, response code and answer records. */
  static Message reply(Message query, boolean authoritative, int rcode, String... answers) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    if (authoritative) {
      reply.getHeader().setFlag(Flags.AA);
    }
    reply.getHeader().setRcode(rcode);
    reply.addRecord(query.getQuestion(), Section.QUESTION);
    for (String answer : answers) {
      reply.addRecord(record(answer), Section.ANSWER);
    }
    return reply;
  }

  static Optional<byte[]> wire(Message reply) {
    return Optional.of(reply.toWire(65535));
  }

  static Optional<byte[]> authoritative(Message query, String... answers) {
    return wire(reply(query, true, Rcode.NOERROR, answers));
  }

  /** Parses {@code "example.test. 300 IN MX 10 mail.example.test."}. */
  static Record record(String line) {
    String[] parts = line.split("\\s+", 5);
    try {
      return Record.fromString(
          Name.fromString(parts[0]),
          org.xbill.DNS.Type.value(parts[3]),
          DClass.IN,
          Long.parseLong(parts[1]),
          parts[4],
          Name.root);
    } catch (IOException e) {
      throw new IllegalArgumentException(line, e);
    }
  }
}
