package org.cutover.mailsync;

import jakarta.mail.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Mail sessions shared by connections with the same settings. A new {@link Session} reads the mail
 * providers and address maps from the class path, which costs more than a short run's login; the
 * connections to one endpoint all have the same settings (user and password go to {@code connect},
 * the mailbox a delegated login acts for to the connection), so they share one: built under this
 * object's lock, a session per mailbox would also hold up every other pass's login. The most
 * recently used sessions are kept, a bounded number of them: one dropped is simply made again when
 * needed.
 */
final class MailSessions {

  /** Well above the mailboxes that usually sync at once against all endpoints of a process. */
  static final int DEFAULT_LIMIT = 64;

  private final Map<Map<Object, Object>, Session> sessions;

  MailSessions() {
    this(DEFAULT_LIMIT);
  }

  MailSessions(int limit) {
    this.sessions =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Map<Object, Object>, Session> eldest) {
            return size() > limit;
          }
        };
  }

  /**
   * A session with exactly these settings. The settings must not change afterwards, and they must
   * not hold anything that differs per connection (such as a TLS socket factory that records one
   * handshake).
   */
  synchronized Session forSettings(Properties settings) {
    Map<Object, Object> key = Map.copyOf(settings);
    Session session = sessions.get(key);
    if (session == null) {
      Properties own = new Properties();
      own.putAll(key);
      session = Session.getInstance(own);
      sessions.put(key, session);
    }
    return session;
  }

  synchronized int size() {
    return sessions.size();
  }
}
