package org.cutover.testsupport.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.cutover.dns.TsigKey;
import org.cutover.dns.server.InProcessDnsServer;
import org.cutover.testsupport.LoopbackMail;
import org.cutover.testsupport.PrivatePostgres;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.MailCorpus;
import org.cutover.testsupport.kit.PrivateDovecot;

/**
 * Everything a migration touches, on loopback and private to the bench, as the integration tests
 * start it: PostgreSQL, a source Dovecot (Danish special-use names, '.' separator) with the kit's
 * corpus for user1..userN, a target Dovecot ('/' separator), an authoritative DNS server for the
 * migrated domain that takes RFC 2136 updates, and an SMTP server for the letters.
 *
 * <p>The migrated users sign in with their addresses (userK@DOMAIN) on both servers; on the source
 * the address is another name for userK's mail. The target's userK accounts are left for the sync
 * command, so both copy the same corpus to the same server.
 */
final class BenchServers implements AutoCloseable {

  static final String DOMAIN = "bench.test";
  static final String TSIG_SECRET = "YmVuY2gtYmF0Y2gtdHNpZy1zZWNyZXQtb2YtdGhlLWJlbmNo";
  static final TsigKey KEY = new TsigKey("cutover-bench", "hmac-sha256", () -> TSIG_SECRET);

  final PrivatePostgres postgres;
  final PrivateDovecot source;
  final PrivateDovecot target;
  final InProcessDnsServer dns;
  final GreenMail smtp;
  final MailCorpus.Summary corpus;

  private BenchServers(
      PrivatePostgres postgres,
      PrivateDovecot source,
      PrivateDovecot target,
      InProcessDnsServer dns,
      GreenMail smtp,
      MailCorpus.Summary corpus) {
    this.postgres = postgres;
    this.source = source;
    this.target = target;
    this.dns = dns;
    this.smtp = smtp;
    this.corpus = corpus;
  }

  static BenchServers start(Path work, int users, int messages, long seed) throws Exception {
    PrivatePostgres postgres = PrivatePostgres.start();
    PrivateDovecot source =
        PrivateDovecot.start(
            work.resolve("source"),
            DovecotOptions.defaults().danish().withSeparator('.').withUsers(users));
    PrivateDovecot target =
        PrivateDovecot.start(
            work.resolve("target"), DovecotOptions.defaults().withSeparator('/').withUsers(users));
    MailCorpus.Summary corpus =
        MailCorpus.fill(
            "127.0.0.1",
            source.port(),
            false,
            org.cutover.testsupport.kit.KitLogin.ownPassword(),
            MailCorpus.Settings.of(users, messages, seed),
            4);
    StringBuilder sourceUsers = new StringBuilder();
    StringBuilder targetUsers = new StringBuilder();
    for (int k = 1; k <= users; k++) {
      String address = address(k);
      sourceUsers.append(account(address));
      targetUsers.append(account(address));
      Path mail = source.dir().resolve("mail");
      if (!Files.exists(mail.resolve(address), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(mail.resolve(address), Path.of("user" + k));
      }
    }
    Files.writeString(
        source.dir().resolve("users"), sourceUsers.toString(), StandardOpenOption.APPEND);
    Files.writeString(
        target.dir().resolve("users"), targetUsers.toString(), StandardOpenOption.APPEND);
    // Dovecot reads its users file again at most once a second: wait until both know the last.
    for (PrivateDovecot server : List.of(source, target)) {
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (server.doveadm("user", address(users)).exit() != 0) {
        if (System.nanoTime() > until) {
          throw new IllegalStateException(server.dir() + " does not know " + address(users));
        }
        Thread.sleep(200);
      }
    }
    InProcessDnsServer dns =
        new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
    dns.start();
    dns.addZone(DOMAIN, zoneFile());
    GreenMail smtp = LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTP);
    smtp.start();
    return new BenchServers(postgres, source, target, dns, smtp, corpus);
  }

  static String address(int k) {
    return "user" + k + "@" + DOMAIN;
  }

  private static String account(String login) {
    return login + ":{PLAIN}pass-" + login + "::::::\n";
  }

  private static String zoneFile() {
    return """
        $TTL 3600
        @       IN SOA  ns1.%1$s. hostmaster.%1$s. ( 2026120701 3600 900 604800 300 )
                IN NS   ns1.%1$s.
                300 IN MX 10 mail.%1$s.
                IN TXT  "v=spf1 mx -all"
        ns1     IN A    127.0.0.1
        mail    IN A    192.0.2.25
        """
        .formatted(DOMAIN);
  }

  @Override
  public void close() {
    try {
      smtp.stop();
    } catch (RuntimeException ignored) {
      // stopping is best effort
    }
    dns.close();
    List.of(source, target).parallelStream().forEach(PrivateDovecot::close);
    try {
      postgres.close();
    } catch (Exception e) {
      BatchBench.say("PostgreSQL did not stop cleanly: %s", e.getMessage());
    }
  }
}
