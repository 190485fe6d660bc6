package org.cutover.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Logs, once the application is ready, the demo's ports and the command that starts a migration,
 * with a request file that names those ports ({@link DemoRequestFile}).
 */
final class DemoReadyLine implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(DemoReadyLine.class);

  private final DemoProperties properties;
  private final DemoRequestFile request;

  DemoReadyLine(DemoProperties properties, DemoRequestFile request) {
    this.properties = properties;
    this.request = request;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    int httpPort =
        event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null
            ? web.getWebServer().getPort()
            : 8080;
    log.info(text(httpPort, event.getApplicationContext().getEnvironment()));
  }

  String text(int httpPort, org.springframework.core.env.Environment environment) {
    String address = environment.getProperty("server.address");
    boolean everywhere = address == null || address.equals("0.0.0.0") || address.equals("::");
    String host = everywhere ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
    String base = "http://" + host + ":" + httpPort;
    String dnsServer =
        environment.getProperty("cutover.dns.embedded-server.address", "127.0.0.1")
            + ":"
            + environment.getProperty("cutover.dns.embedded-server.port", "?");
    return "Demo ready: "
        + (everywhere
            ? "HTTP port " + httpPort + " on every interface, reachable from other machines"
            : "HTTP on "
                + host
                + ":"
                + httpPort
                + " only (this machine; set server.address to"
                + " listen elsewhere)")
        + "; IMAP source "
        + properties.address()
        + ":"
        + properties.sourceImapPort()
        + ", IMAP target "
        + properties.address()
        + ":"
        + properties.targetImapPort()
        + ", SMTP "
        + properties.address()
        + ":"
        + properties.smtpPort()
        + ", DNS "
        + dnsServer
        + " for "
        + properties.domain()
        + "; start a migration with: curl -s -u demo:demo -H 'Content-Type: application/json' "
        + base
        + "/api/migrations -d @"
        + request.path(dnsServer)
        + " ; then open "
        + base
        + "/camunda/app/tasklist (demo/demo); letters: GET /api/demo/outbox";
  }
}
