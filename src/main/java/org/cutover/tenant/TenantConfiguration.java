package org.cutover.tenant;

import java.net.http.HttpClient;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.TrustStore;
import org.cutover.secrets.SecretStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The target beans, from {@code cutover.tenant.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantProperties.class)
public class TenantConfiguration {

  @Bean
  InitialPasswords initialPasswords(
      JdbcClient jdbc,
      SecretStore secrets,
      PlatformTransactionManager transactions,
      TenantProperties properties,
      ObjectProvider<Clock> clock) {
    return new InitialPasswords(
        jdbc,
        secrets,
        transactions,
        new PasswordGenerator(properties.initialPasswordLength()),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  Microsoft365Target microsoft365Target(
      TenantProperties properties,
      SecretStore secrets,
      InitialPasswords passwords,
      ObjectProvider<Clock> clock,
      ObjectProvider<ThrottlingListener> throttling) {
    TenantProperties.Microsoft365 settings = properties.microsoft365();
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    EntraTokens tokens = tokens(settings, secrets, null, time);
    GraphApi graph =
        graph(
            settings,
            tokens,
            null,
            time,
            wait -> Thread.sleep(wait.toMillis()),
            throttling.getIfAvailable(() -> ThrottlingListener.NONE));
    return microsoft365(settings, tokens, graph, passwords);
  }

  @Bean
  ImapTarget imapTarget(TenantProperties properties, SecretStore secrets) {
    TenantProperties.Imap imap = properties.imap();
    TrustStore trust = null;
    if (imap.trustStore() != null) {
      // read now, so that an unreadable file stops the start with the property's name
      PemTrust.socketFactory(imap.trustStore(), "cutover.tenant.imap.trust-store");
      trust = TrustStore.certificates(imap.trustStore());
    }
    return new ImapTarget(
        secrets, imap.connectTimeout(), imap.readTimeout(), trust, new EndpointTester());
  }

  /**
   * The Microsoft 365 target with all its parts.
   *
   * @param tls TLS for Entra ID and Graph, or null for the JVM's default
   */
  static Microsoft365Target microsoft365(
      TenantProperties.Microsoft365 settings,
      SecretStore secrets,
      InitialPasswords passwords,
      SSLContext tls,
      Clock clock,
      GraphApi.Pause pause) {
    EntraTokens tokens = tokens(settings, secrets, tls, clock);
    return microsoft365(settings, tokens, graph(settings, tokens, tls, clock, pause), passwords);
  }

  static Microsoft365Target microsoft365(
      TenantProperties.Microsoft365 settings,
      EntraTokens tokens,
      GraphApi graph,
      InitialPasswords passwords) {
    TenantDomain domains = new TenantDomain(graph);
    TenantLicences licences = new TenantLicences(graph);
    TenantUsers users = new TenantUsers(graph, passwords);
    TenantPreflight preflight =
        new TenantPreflight(graph, tokens, settings.imapScope(), licences, domains);
    return new Microsoft365Target(
        preflight,
        domains,
        licences,
        users,
        tokens,
        new TenantRecipients(graph),
        settings.imapScope());
  }

  static EntraTokens tokens(
      TenantProperties.Microsoft365 settings, SecretStore secrets, SSLContext tls, Clock clock) {
    return new EntraTokens(
        settings.authorityUrl(),
        settings.timeout(),
        secrets,
        tls == null ? null : tls.getSocketFactory(),
        clock);
  }

  static GraphApi graph(
      TenantProperties.Microsoft365 settings,
      EntraTokens tokens,
      SSLContext tls,
      Clock clock,
      GraphApi.Pause pause) {
    return graph(settings, tokens, tls, clock, pause, ThrottlingListener.NONE);
  }

  /**
   * Microsoft Graph for the target.
   *
   * @param throttling told of each answer that asks Cutover to slow down
   */
  static GraphApi graph(
      TenantProperties.Microsoft365 settings,
      EntraTokens tokens,
      SSLContext tls,
      Clock clock,
      GraphApi.Pause pause,
      ThrottlingListener throttling) {
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (tls != null) {
      http.sslContext(tls);
    }
    return new GraphApi(settings, tokens, http.build(), pause, clock, throttling);
  }
}
