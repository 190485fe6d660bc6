package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cutover.dns.server.InProcessDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DnsConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(DnsConfiguration.class)
          .withBean(DnsChangeJournal.class, MemoryDnsChangeJournal::new);

  @Test
  void startsWithTheDocumentedDefaults() {
    context.run(
        app -> {
          assertThat(app).hasNotFailed();
          DnsProperties properties = app.getBean(DnsProperties.class);
          assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(properties.udpAttempts()).isEqualTo(2);
          assertThat(properties.resolvers()).isEmpty();
          assertThat(properties.authoritativeServers()).isEmpty();
          assertThat(app.getBean(DnsRunbookRules.class)).isEqualTo(DnsRunbookRules.microsoft365());
          assertThat(app)
              .hasSingleBean(DnsRunbookSteps.class)
              .hasSingleBean(DnsZoneProviders.class);
          assertThat(app).doesNotHaveBean(InProcessDnsServer.class);
        });
  }

  @Test
  void collectsEveryProviderBeanAndRefusesTwoOfOneName() {
    context
        .withBean("first", DnsZoneProvider.class, () -> new DnsZoneProvidersTest.Named("here"))
        .run(
            app -> assertThat(app.getBean(DnsZoneProviders.class).names()).containsExactly("here"));
    context
        .withBean("first", DnsZoneProvider.class, () -> new DnsZoneProvidersTest.Named("here"))
        .withBean("second", DnsZoneProvider.class, () -> new DnsZoneProvidersTest.Named("here"))
        .run(
            app ->
                assertThat(app.getStartupFailure())
                    .hasStackTraceContaining("are both named 'here'"));
  }

  @Test
  void refusesABadResolverAddressNamingTheProperty() {
    context
        .withPropertyValues("cutover.dns.resolvers=127.0.0.1:port")
        .run(
            app ->
                assertThat(app.getStartupFailure())
                    .hasStackTraceContaining(
                        "cutover.dns.resolvers: '127.0.0.1:port' has a port that is not a number"));
  }

  @Test
  void startsTheEmbeddedServerWithItsZones(@TempDir Path dir) throws Exception {
    Path zone = dir.resolve("contoso.zone");
    Files.writeString(zone, BindServer.EXAMPLE_ZONE.replace("example.test", "contoso.test"));
    context
        .withPropertyValues(
            "cutover.dns.embedded-server.enabled=true",
            "cutover.dns.embedded-server.zones[0].name=contoso.test",
            "cutover.dns.embedded-server.zones[0].file=file:" + zone,
            "cutover.dns.embedded-server.tsig-secret=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg==")
        .run(
            app -> {
              InProcessDnsServer server = app.getBean(InProcessDnsServer.class);
              ServerAnswer answer =
                  app.getBean(DirectQuery.class)
                      .ask(
                          server.nameServer(),
                          "contoso.test",
                          RecordType.MX,
                          DirectQuery.Mode.AUTHORITATIVE);
              assertThat(answer).isInstanceOf(ServerAnswer.Records.class);
              assertThat(app.getBean(DnsProperties.class).toString())
                  .doesNotContain("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg==");
            });
  }

  @Test
  void refusesTheEmbeddedServerWithoutASecret() {
    context
        .withPropertyValues("cutover.dns.embedded-server.enabled=true")
        .run(
            app ->
                assertThat(app.getStartupFailure())
                    .hasStackTraceContaining(
                        "cutover.dns.embedded-server.tsig-secret is required"));
  }
}
