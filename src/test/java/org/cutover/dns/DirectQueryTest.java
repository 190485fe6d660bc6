package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

class DirectQueryTest {

  /**
   * For answers that do come: a bound far above any wait on a busy machine, so that only a real
   * failure ends the test.
   */
  private final DirectQuery query = new DirectQuery(Duration.ofSeconds(30), 2);

  /** For silence the test waits out: short, since nothing is to be missed. */
  private final DirectQuery impatient = new DirectQuery(Duration.ofMillis(300), 2);

  @Test
  void readsTheRecordsWithTheServersOwnTtl() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(
            q ->
                Replies.authoritative(
                    q,
                    "example.test. 86400 IN MX 10 mail.example.test.",
                    "example.test. 86400 IN MX 20 backup.example.test."))) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "Example.Test", RecordType.MX, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isInstanceOf(ServerAnswer.Records.class);
      RecordSet records = ((ServerAnswer.Records) answer).records();
      assertThat(records.ttl()).isEqualTo(86400);
      assertThat(records.mxTargets())
          .containsExactly(
              new MxTarget(10, "mail.example.test."), new MxTarget(20, "backup.example.test."));
      assertThat(((ServerAnswer.Records) answer).transport()).isEqualTo(Transport.UDP);
    }
  }

  @Test
  void asksAuthoritativeServersWithoutRecursion() throws Exception {
    List<Boolean> recursionWanted = new ArrayList<>();
    try (var server =
        ScriptedDnsServer.udpOnly(
            q -> {
              recursionWanted.add(q.getHeader().getFlag(Flags.RD));
              return Replies.authoritative(q, "example.test. 300 IN TXT \"x\"");
            })) {
      query.ask(
          server.nameServer(), "example.test", RecordType.TXT, DirectQuery.Mode.AUTHORITATIVE);
      query.ask(server.nameServer(), "example.test", RecordType.TXT, DirectQuery.Mode.RECURSIVE);
    }
    assertThat(recursionWanted).containsExactly(false, true);
  }

  @Test
  void reportsAMissingNameAsNxdomain() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(q -> Replies.wire(Replies.reply(q, true, Rcode.NXDOMAIN)))) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(),
              "autodiscover.example.test",
              RecordType.CNAME,
              DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isInstanceOf(ServerAnswer.NoSuchName.class);
      assertThat(answer.describe())
          .contains("autodiscover.example.test. does not exist (NXDOMAIN)");
    }
  }

  @Test
  void reportsANameWithoutTheTypeAsNoRecords() throws Exception {
    try (var server = ScriptedDnsServer.udpOnly(Replies::authoritative)) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "example.test", RecordType.MX, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isInstanceOf(ServerAnswer.NoRecords.class);
      assertThat(answer.describe()).contains("example.test. has no MX records");
    }
  }

  @Test
  void reportsAnAliasWhenTheNameIsACname() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(
            q -> Replies.authoritative(q, "www.example.test. 300 IN CNAME web.example.net."))) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(),
              "www.example.test",
              RecordType.TXT,
              DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer)
          .isEqualTo(
              new ServerAnswer.Alias(
                  server.nameServer(), "www.example.test.", "web.example.net.", Transport.UDP));
    }
  }

  @Test
  void reportsServfailAsServerFailure() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(q -> Replies.wire(Replies.reply(q, false, Rcode.SERVFAIL)))) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "example.test", RecordType.MX, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isEqualTo(new ServerAnswer.ServerFailure(server.nameServer()));
      assertThat(answer.describe()).endsWith("server failure (SERVFAIL)");
    }
  }

  @Test
  void reportsAnAnswerWithoutTheAaFlagAsLame() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(
            q ->
                Replies.wire(
                    Replies.reply(
                        q,
                        false,
                        Rcode.NOERROR,
                        "example.test. 300 IN MX 10 mail.example.test.")))) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "example.test", RecordType.MX, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isInstanceOf(ServerAnswer.NotAuthoritative.class);
      assertThat(answer.describe()).contains("lacks the authoritative (AA) flag");
    }
  }

  @Test
  void acceptsAnAnswerWithoutTheAaFlagFromAResolver() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(
            q ->
                Replies.wire(
                    Replies.reply(
                        q,
                        false,
                        Rcode.NOERROR,
                        "example.test. 300 IN MX 10 mail.example.test.")))) {
      ServerAnswer answer =
          query.ask(server.nameServer(), "example.test", RecordType.MX, DirectQuery.Mode.RECURSIVE);

      assertThat(answer).isInstanceOf(ServerAnswer.Records.class);
    }
  }

  @Test
  void reportsAReferralAsLame() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(
            q -> {
              Message reply = Replies.reply(q, false, Rcode.NOERROR);
              reply.addRecord(
                  Replies.record("example.test. 300 IN NS ns1.elsewhere.net."), Section.AUTHORITY);
              return Replies.wire(reply);
            })) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "example.test", RecordType.MX, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer.describe()).contains("referred the question");
    }
  }

  @Test
  void reportsRefusedAsNotAuthoritativeOrRefused() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(q -> Replies.wire(Replies.reply(q, false, Rcode.REFUSED)))) {
      assertThat(
              query.ask(
                  server.nameServer(),
                  "example.test",
                  RecordType.MX,
                  DirectQuery.Mode.AUTHORITATIVE))
          .isInstanceOf(ServerAnswer.NotAuthoritative.class);
      assertThat(
              query.ask(
                  server.nameServer(), "example.test", RecordType.MX, DirectQuery.Mode.RECURSIVE))
          .isEqualTo(new ServerAnswer.Refused(server.nameServer()));
    }
  }

  @Test
  void reportsSilenceAsATimeOutAfterEveryAttempt() throws Exception {
    List<Integer> questions = new ArrayList<>();
    try (var server =
        ScriptedDnsServer.udpOnly(
            q -> {
              questions.add(q.getHeader().getID());
              return Optional.empty();
            })) {
      ServerAnswer answer =
          impatient.ask(
              server.nameServer(), "example.test", RecordType.MX, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer)
          .isEqualTo(new ServerAnswer.TimedOut(server.nameServer(), Duration.ofMillis(600), 2));
      assertThat(answer.describe()).endsWith("no answer within 600 ms (2 attempts)");
    }
    assertThat(questions).hasSize(2);
  }

  @Test
  void reportsAClosedPortAsUnreachableOrTimedOut() throws Exception {
    int port;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    NameServer nobody =
        NameServer.at(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));

    ServerAnswer answer =
        impatient.ask(nobody, "example.test", RecordType.MX, DirectQuery.Mode.AUTHORITATIVE);

    assertThat(answer).isInstanceOfAny(ServerAnswer.Unreachable.class, ServerAnswer.TimedOut.class);
  }

  @Test
  void readsATruncatedAnswerAgainOverTcp() throws Exception {
    try (var server =
        new ScriptedDnsServer(
            q -> {
              Message reply = Replies.reply(q, true, Rcode.NOERROR);
              reply.getHeader().setFlag(Flags.TC);
              return Replies.wire(reply);
            },
            q ->
                Replies.authoritative(
                    q, "example.test. 300 IN TXT \"one\"", "example.test. 300 IN TXT \"two\""))) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "example.test", RecordType.TXT, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isInstanceOf(ServerAnswer.Records.class);
      assertThat(((ServerAnswer.Records) answer).records().texts()).containsExactly("one", "two");
      assertThat(((ServerAnswer.Records) answer).transport())
          .isEqualTo(Transport.TCP_AFTER_TRUNCATION);
    }
  }

  @Test
  void reportsTruncationWhenTcpIsNotServed() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(
            q -> {
              Message reply = Replies.reply(q, true, Rcode.NOERROR);
              reply.getHeader().setFlag(Flags.TC);
              return Replies.wire(reply);
            })) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "example.test", RecordType.TXT, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isInstanceOf(ServerAnswer.Truncated.class);
      assertThat(answer.describe())
          .contains("answer truncated over UDP and TCP failed (connection refused)");
    }
  }

  @Test
  void reportsAnUnexpectedResponseCodeAsBadAnswer() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(q -> Replies.wire(Replies.reply(q, true, Rcode.NOTIMP)))) {
      ServerAnswer answer =
          query.ask(
              server.nameServer(), "example.test", RecordType.TXT, DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer.describe()).contains("unusable answer (response code NOTIMP)");
    }
  }

  @Test
  void reportsAReplyToAnotherQuestionAsBadAnswer() throws Exception {
    try (var server =
        ScriptedDnsServer.udpOnly(
            q -> {
              Message other = Replies.reply(q, true, Rcode.NOERROR);
              other.getHeader().setID((q.getHeader().getID() + 1) & 0xFFFF);
              return Replies.wire(other);
            })) {
      ServerAnswer answer =
          new DirectQuery(Duration.ofMillis(300), 1)
              .ask(
                  server.nameServer(),
                  "example.test",
                  RecordType.TXT,
                  DirectQuery.Mode.AUTHORITATIVE);

      assertThat(answer).isInstanceOfAny(ServerAnswer.BadAnswer.class, ServerAnswer.TimedOut.class);
    }
  }
}
