package org.cutover.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.cutover.migration.JdbcDnsChangeJournal;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process of its own that runs one DNS step of migration {@code m-1} in a job transaction on an
 * H2 file database, against a BIND at 127.0.0.1; right after the step's zone update it prints
 * {@value #UPDATED} and waits to be killed. Arguments: JDBC URL, BIND port, TSIG key name,
 * algorithm and secret, the clock's instant, and the step ({@code LOWER_MX_TTL} or {@code
 * SWAP_MX}).
 */
public final class DnsStepProcess {

  static final String UPDATED = "ZONE UPDATED, WAITING TO BE KILLED";

  private DnsStepProcess() {}

  public static void main(String[] args) throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(args[0]);
    dataSource.setUser("sa");
    NameServer bind =
        new NameServer(
            "bind",
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])));
    String secret = args[4];
    TsigKey key = new TsigKey(args[2], args[3], () -> secret);
    Clock clock = Clock.fixed(Instant.parse(args[5]), ZoneOffset.UTC);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    JdbcDnsChangeJournal journal = new JdbcDnsChangeJournal(dataSource, transactions);
    DirectQuery query = new DirectQuery(Duration.ofSeconds(2), 2);
    Resolvers resolvers = new Resolvers(List.of(bind));
    DnsLookups lookups =
        new DnsLookups(query, new ZoneServers(query, resolvers, List.of(bind)), resolvers);
    DnsRunbookSteps steps =
        new DnsRunbookSteps(journal, lookups, DnsRunbookRules.microsoft365(), clock);
    CountDownLatch never = new CountDownLatch(1);
    DnsZone zone =
        new DyingZone(
            new Rfc2136Zone("example.test", bind, key, Duration.ofSeconds(5)),
            1,
            () -> {
              System.out.println(UPDATED);
              System.out.flush();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    DnsMigration migration =
        new DnsMigration(
            "m-1",
            "example.test",
            zone,
            "MS=ms12345678",
            List.of(new MxTarget(0, "example-test.mail.protection.outlook.com")),
            true,
            List.of(bind));
    StepResult result =
        new TransactionTemplate(transactions)
            .execute(
                status ->
                    "SWAP_MX".equals(args[6])
                        ? steps.mx().swapMx(migration)
                        : steps.mx().lowerMxTtl(migration));
    System.out.println("step ended without its zone update: " + result);
    System.exit(2);
  }
}
