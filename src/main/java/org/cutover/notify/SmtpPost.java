package org.cutover.notify;

import jakarta.mail.Session;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends letters through the SMTP server configured with {@code spring.mail.*}: host, port,
 * username, password, protocol ({@code smtp}, or {@code smtps} for implicit TLS) and {@code
 * spring.mail.properties.*} (e.g. {@code mail.smtp.starttls.enable}/{@code .required} for
 * STARTTLS). Connect, read and write time-outs default to 20, 60 and 60 seconds where those
 * properties do not set them. One {@link SmtpSession} sends many messages over one connection.
 */
public class SmtpPost {

  static final String CONNECT_TIMEOUT_MS = "20000";
  static final String READ_TIMEOUT_MS = "60000";

  private final String protocol;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final Properties properties;

  public SmtpPost(JavaMailSenderImpl settings) {
    this.protocol = settings.getProtocol() == null ? "smtp" : settings.getProtocol();
    this.host = settings.getHost();
    this.port = settings.getPort();
    this.username = settings.getUsername();
    this.password = settings.getPassword();
    this.properties = new Properties();
    properties.putAll(settings.getJavaMailProperties());
    String prefix = "mail." + protocol + ".";
    properties.putIfAbsent(prefix + "connectiontimeout", CONNECT_TIMEOUT_MS);
    properties.putIfAbsent(prefix + "timeout", READ_TIMEOUT_MS);
    properties.putIfAbsent(prefix + "writetimeout", READ_TIMEOUT_MS);
  }

  /** The server's host name, for messages. */
  public String host() {
    return host;
  }

  /** A session that connects on first use; close it when done. */
  public SmtpSession session() {
    return new SmtpSession(
        Session.getInstance(properties), protocol, host, port, username, password);
  }
}
