package org.cutover.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration {@code cutover.demo.*} of the demo profile's mail servers.
 *
 * @param address where the demo servers listen
 * @param sourceImapPort the IMAP port of the source server
 * @param targetImapPort the IMAP port of the target server
 * @param smtpPort the SMTP port letters are sent to
 * @param domain the demo mail domain
 * @param users the local parts of the demo mailboxes, on source and target alike
 * @param accessToken the demo's access token: every demo user signs in with it (XOAUTH2), on both
 *     servers; a published demo value, not a secret
 * @param seed whether the source mailboxes are filled with sample mail when they are empty
 * @param requestFile where the ready-made migration request lies, as the start-up line shows it
 *     when the demo runs on the ports it names (else the line names a copy with the ports in use)
 */
@ConfigurationProperties("cutover.demo")
public record DemoProperties(
    @DefaultValue("127.0.0.1") String address,
    @DefaultValue("3143") int sourceImapPort,
    @DefaultValue("3144") int targetImapPort,
    @DefaultValue("3025") int smtpPort,
    @DefaultValue("contoso.test") String domain,
    @DefaultValue({"anna", "bo", "carl"}) List<String> users,
    @DefaultValue("contoso-demo-access-token") String accessToken,
    @DefaultValue("true") boolean seed,
    @DefaultValue("src/demo/resources/demo/migration.json") String requestFile) {

  /** The demo users' addresses, {@code anna@contoso.test} and so on. */
  public List<String> addresses() {
    return users.stream().map(user -> user + "@" + domain).toList();
  }

  @Override
  public String toString() {
    return "DemoProperties[address="
        + address
        + ", sourceImapPort="
        + sourceImapPort
        + ", targetImapPort="
        + targetImapPort
        + ", smtpPort="
        + smtpPort
        + ", domain="
        + domain
        + ", users="
        + users
        + "]";
  }
}
