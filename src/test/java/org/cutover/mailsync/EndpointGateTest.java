package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EndpointGateTest {

  private final EndpointGate gate = new EndpointGate();
  private final ImapEndpoint source =
      ImapEndpoint.implicitTls("old.example.com", 993).toBuilder()
          .maxConcurrentMailboxes(1)
          .build();
  private final ImapEndpoint target =
      ImapEndpoint.implicitTls("new.example.com", 993).toBuilder()
          .maxConcurrentMailboxes(2)
          .build();

  @Test
  void letsNoMoreMailboxesInThanTheEndpointAllows() throws Exception {
    EndpointGate.Permit first = gate.enter(source, target);
    AtomicBoolean secondIn = new AtomicBoolean();
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(
            () -> {
              try (EndpointGate.Permit p = gate.enter(source, target)) {
                secondIn.set(true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    await().during(Duration.ofMillis(300)).atMost(Duration.ofMinutes(1)).untilFalse(secondIn);
    first.close();

    second.get();
    assertThat(secondIn).isTrue();
  }

  @Test
  void countsAServerUsedAsSourceAndTargetOnce() throws Exception {
    try (EndpointGate.Permit p = gate.enter(source, source)) {
      assertThat(p).isNotNull();
    }
  }

  @Test
  void releasesOnlyOnceWhenClosedTwice() throws Exception {
    EndpointGate.Permit p = gate.enter(source);
    p.close();
    p.close();
    EndpointGate.Permit again = gate.enter(source);
    AtomicBoolean thirdIn = new AtomicBoolean();
    CompletableFuture.runAsync(
        () -> {
          try {
            gate.enter(source);
            thirdIn.set(true);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    await().during(Duration.ofMillis(300)).atMost(Duration.ofMinutes(1)).untilFalse(thirdIn);
    again.close();
    await().atMost(Duration.ofMinutes(1)).untilTrue(thirdIn);
  }
}
