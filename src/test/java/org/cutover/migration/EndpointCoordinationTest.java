package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.testsupport.MutableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Endpoint slots and back-offs as two nodes share them: two store instances with owners of their
 * own on one database (H2 here, PostgreSQL in the subclass).
 */
class EndpointCoordinationTest {

  private static final Duration HOLD = Duration.ofMinutes(2);

  protected JdbcClient jdbc;
  private String key;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  /** A fresh database migrated by Flyway. */
  protected DataSource database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    return h2;
  }

  @BeforeEach
  void connect() {
    jdbc = JdbcClient.create(database());
    key = PassServer.key("imap-" + UUID.randomUUID() + ".example.com", 993);
  }

  @Test
  void passesOfTwoNodesRacingForSlotsNeverHoldMoreThanTheLimit() throws Exception {
    int limit = 3;
    List<EndpointSlots> nodes = List.of(slots(Clock.systemUTC()), slots(Clock.systemUTC()));
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger passes = new AtomicInteger();
    Set<Integer> numbersUsed = ConcurrentHashMap.newKeySet();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> racers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      EndpointSlots node = nodes.get(t % 2);
      String worker = "node-" + (t % 2) + "-thread-" + t;
      racers.add(
          pool.submit(
              () -> {
                start.await();
                for (int round = 0; round < 40; round++) {
                  Optional<EndpointSlot> slot =
                      node.take(new PassServer(key, limit), "mailbox-" + round, worker);
                  if (slot.isEmpty()) {
                    continue;
                  }
                  try (EndpointSlot held = slot.get()) {
                    peak.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    numbersUsed.add(held.number());
                    passes.incrementAndGet();
                    // the pass's work: renewals, as a running pass makes them
                    assertThat(held.check()).isNull();
                    assertThat(held.check()).isNull();
                    holding.decrementAndGet();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> racer : racers) {
      racer.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(passes.get()).as("passes that got a slot").isPositive();
    assertThat(peak.get()).as("passes holding a slot at one moment").isBetween(2, limit);
    assertThat(numbersUsed).allMatch(n -> n >= 0 && n < limit);
    assertThat(rows()).as("slots left behind").isZero();
  }

  @Test
  void aSlotOfAKilledNodeIsTakenOverOnceItExpires() {
    EndpointSlots nodeA = slots(clock);
    EndpointSlots nodeB = slots(clock);
    PassServer server = new PassServer(key, 2);
    EndpointSlot first = nodeA.take(server, "m-1", "node-a").orElseThrow();
    nodeA.take(server, "m-2", "node-a").orElseThrow();

    assertThat(nodeB.take(server, "m-3", "node-b")).as("both slots held").isEmpty();

    clock.advance(HOLD.plusSeconds(1));
    EndpointSlot takenOver = nodeB.take(server, "m-3", "node-b").orElseThrow();

    assertThat(takenOver.number()).isIn(0, 1);
    assertThat(first.check()).as("the old holder learns it lost its slot").isNotNull();
    assertThat(holdersNow()).isEqualTo(1);
  }

  @Test
  void aRenewedSlotIsNotTakenOver() {
    EndpointSlots nodeA = slots(clock);
    EndpointSlots nodeB = slots(clock);
    PassServer server = new PassServer(key, 1);
    EndpointSlot held = nodeA.take(server, "m-1", "node-a").orElseThrow();

    clock.advance(HOLD.dividedBy(2));
    assertThat(held.check()).isNull();
    clock.advance(HOLD.dividedBy(2).plusSeconds(1));

    assertThat(nodeB.take(server, "m-2", "node-b")).isEmpty();
    held.close();
    assertThat(nodeB.take(server, "m-2", "node-b")).isPresent();
  }

  @Test
  void aBackOffRecordedByOneNodeHoldsBackTheOther() {
    EndpointBackOffs nodeA = backOffs(clock);
    EndpointBackOffs nodeB = backOffs(clock);
    ImapEndpoint server = ImapEndpoint.implicitTls(key.substring(0, key.indexOf(':')), 993);

    nodeA.serverAskedToWait(server, null, "NO [THROTTLED] busy");

    Optional<EndpointBackOffs.BackOff> seen = nodeB.running(List.of(key));
    assertThat(seen).isPresent();
    assertThat(seen.get().until()).isEqualTo(clock.instant().plusSeconds(30));
    assertThat(seen.get().reason()).contains("[THROTTLED]");
    clock.advance(Duration.ofSeconds(31));
    assertThat(nodeB.running(List.of(key))).isEmpty();
  }

  @Test
  void repeatedAnswersMakeTheBackOffGrowUpToItsCap() {
    EndpointBackOffs nodeA = backOffs(clock);
    EndpointBackOffs nodeB = backOffs(clock);
    List<Duration> waits = new ArrayList<>();
    for (int answer = 0; answer < 7; answer++) {
      (answer % 2 == 0 ? nodeA : nodeB).record(key, null, "NO [UNAVAILABLE]");
      Instant until = nodeA.running(List.of(key)).orElseThrow().until();
      waits.add(Duration.between(clock.instant(), until));
      clock.set(until.plusSeconds(1));
    }

    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));
  }

  @Test
  void answersDuringARunningBackOffDoNotMakeItGrow() {
    EndpointBackOffs node = backOffs(clock);
    node.record(key, null, "NO [THROTTLED]");
    node.record(key, null, "NO [THROTTLED]");
    node.record(key, null, "NO [THROTTLED]");

    assertThat(node.running(List.of(key)).orElseThrow().until())
        .isEqualTo(clock.instant().plusSeconds(30));
  }

  @Test
  void aWaitTheServerNamesIsHonoured() {
    EndpointBackOffs node = backOffs(clock);
    node.record(key, Duration.ofMinutes(20), "429 Retry-After: 1200");

    assertThat(node.running(List.of(key)).orElseThrow().until())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
  }

  @Test
  void afterAQuietSpellTheBackOffStartsSmallAgain() {
    EndpointBackOffs node = backOffs(clock);
    node.record(key, null, "BYE");
    clock.advance(Duration.ofSeconds(31));
    node.record(key, null, "BYE");
    clock.advance(Duration.ofHours(1));

    node.record(key, null, "BYE");

    assertThat(node.running(List.of(key)).orElseThrow().until())
        .isEqualTo(clock.instant().plusSeconds(30));
  }

  @Test
  void aPassWithoutASlotWaitsThenHandsItsTaskBackWithAShortRetry() {
    EndpointSlots slots = slots(Clock.systemUTC());
    slots.take(new PassServer(key, 1), "m-1", "node-a").orElseThrow();
    EndpointTurns turns = turns(slots, backOffs(Clock.systemUTC()), Duration.ofSeconds(2));

    assertThatThrownBy(() -> turns.take("m-2", lockOf("node-b")))
        .isInstanceOfSatisfying(
            MailboxBusy.class,
            busy -> {
              assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(30));
              assertThat(busy.getMessage()).contains(key).contains("node-a");
            });
    assertThat(holdersAt(Instant.now())).isEqualTo(1);
  }

  @Test
  void aPassGetsTheSlotThatFreesWhileItWaits() throws Exception {
    EndpointSlots slots = slots(Clock.systemUTC());
    EndpointSlot other = slots.take(new PassServer(key, 1), "m-1", "node-a").orElseThrow();
    EndpointTurns turns = turns(slots, backOffs(Clock.systemUTC()), Duration.ofMinutes(1));
    ExecutorService waiting = Executors.newSingleThreadExecutor();
    Future<EndpointTurn> turn = waiting.submit(() -> turns.take("m-2", lockOf("b")));

    org.awaitility.Awaitility.await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(30))
        .until(() -> !turn.isDone());
    other.close();

    try (EndpointTurn got = turn.get(30, TimeUnit.SECONDS)) {
      assertThat(got.check()).isNull();
      assertThat(holdersAt(Instant.now())).isEqualTo(1);
    }
    waiting.shutdown();
  }

  @Test
  void aBackOffLongerThanTheWaitHandsTheTaskBackUntilItEnds() {
    EndpointBackOffs backOffs = backOffs(Clock.systemUTC());
    backOffs.record(key, Duration.ofMinutes(10), "NO [THROTTLED]");
    EndpointTurns turns = turns(slots(Clock.systemUTC()), backOffs, Duration.ofMinutes(1));

    assertThatThrownBy(() -> turns.take("m-1", lockOf("node-b")))
        .isInstanceOfSatisfying(
            MailboxBusy.class,
            busy -> {
              assertThat(busy.retryAfter())
                  .isGreaterThan(Duration.ofMinutes(9))
                  .isLessThanOrEqualTo(Duration.ofMinutes(10).plusSeconds(1));
              assertThat(busy.getMessage()).contains("asked to slow down");
            });
    assertThat(holdersAt(Instant.now())).isZero();
  }

  // ------------------------------------------------------------------------------------------

  private EndpointSlots slots(Clock clock) {
    return new EndpointSlots(jdbc, provider(clock), HOLD);
  }

  private EndpointBackOffs backOffs(Clock clock) {
    return new EndpointBackOffs(
        jdbc, provider(clock), Duration.ofSeconds(30), Duration.ofMinutes(15));
  }

  private EndpointTurns turns(EndpointSlots slots, EndpointBackOffs backOffs, Duration wait) {
    PassServers oneServer =
        new PassServers(null) {
          @Override
          List<PassServer> of(String mailboxId) {
            return List.of(new PassServer(key, 1));
          }
        };
    return new EndpointTurns(oneServer, slots, backOffs, wait, Duration.ofSeconds(30));
  }

  private static org.springframework.beans.factory.ObjectProvider<Clock> provider(Clock clock) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("clock", clock);
    return beans.getBeanProvider(Clock.class);
  }

  private long rows() {
    return jdbc.sql("SELECT count(*) FROM endpoint_slot WHERE endpoint_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  /** Slots held at the time of the test's clock. */
  private long holdersNow() {
    return holdersAt(clock.instant());
  }

  private long holdersAt(Instant now) {
    return jdbc.sql(
            "SELECT count(*) FROM endpoint_slot WHERE endpoint_key = :key AND expires_at >= :now")
        .param("key", key)
        .param("now", MigrationStore.utc(now))
        .query(Long.class)
        .single();
  }

  private static TaskLock lockOf(String worker) {
    return new TaskLock() {
      @Override
      public String worker() {
        return worker;
      }

      @Override
      public String lostReason() {
        return null;
      }
    };
  }
}
