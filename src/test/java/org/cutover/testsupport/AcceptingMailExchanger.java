package org.cutover.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For Spring Boot tests in the {@code test} profile that run the runbook past the proof at the new
 * MX without being about it: one in-process SMTP server for the whole test JVM that accepts every
 * recipient, named as {@code cutover.mx-proof.host}/{@code port} unless the test or the demo
 * profile names another. The proof itself is tested against a real Postfix (SmtpRecipientProbeIT).
 */
public final class AcceptingMailExchanger implements EnvironmentPostProcessor {

  private static GreenMail server;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.matchesProfiles("test") || environment.matchesProfiles("demo")) {
      return;
    }
    int port = start();
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "acceptingMailExchanger",
                Map.of(
                    "cutover.mx-proof.host",
                    "127.0.0.1",
                    "cutover.mx-proof.port",
                    port,
                    // GreenMail answers RCPT after the null sender with 503
                    "cutover.mx-proof.probe-sender",
                    "mx-proof@cutover.test")));
  }

  private static synchronized int start() {
    if (server == null) {
      GreenMail smtp = new GreenMail(new ServerSetup(FreePort.pick(), "127.0.0.1", "smtp"));
      smtp.start();
      Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
      server = smtp;
    }
    return server.getSmtp().getPort();
  }
}
