package org.cutover.migration.recipients;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cutover.directory.DirectoryProblem;
import org.cutover.directory.DirectoryQuery;
import org.cutover.directory.DirectoryReader;
import org.cutover.directory.Discovery;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A directory discovery reviewed by the administrator before a migration takes it: read and stored
 * as awaiting review, then accepted (with the mailboxes the administrator leaves out) or discarded.
 * Refusals carry their message in English and Danish.
 */
@Service
public class DiscoveryReview {

  private static final Logger log = LoggerFactory.getLogger(DiscoveryReview.class);

  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

  private final DirectoryReader reader;
  private final RecipientStore store;
  private final SecretStore secrets;
  private final Clock clock;

  DiscoveryReview(
      DirectoryReader reader,
      RecipientStore store,
      SecretStore secrets,
      ObjectProvider<Clock> clock) {
    this.reader = reader;
    this.store = store;
    this.secrets = secrets;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * Where to read and for which domain, as the Tasklist form gives it.
   *
   * @param credentialId the stored password of the reading account (POST /api/credentials)
   */
  public record Request(
      String domain,
      String url,
      String bindDn,
      String credentialId,
      String baseDn,
      String filter,
      boolean allowPlaintext) {}

  /**
   * Reads the directory and stores what it found as a discovery awaiting review.
   *
   * @return the discovery's id
   * @throws DiscoveryRefused when a setting is missing or wrong or the directory refused; nothing
   *     is stored
   */
  @Transactional
  public String discover(Request request) {
    String domain = required(request.domain(), "domain");
    if (!DOMAIN.matcher(domain).matches()) {
      throw new DiscoveryRefused(
          "domain: "
              + domain
              + " is not a domain name such as contoso.com / er ikke et domænenavn som"
              + " contoso.com");
    }
    URI url = url(required(request.url(), "directoryUrl"));
    String bindDn = required(request.bindDn(), "bindDn");
    String credentialId = required(request.credentialId(), "bindCredentialId");
    if (!SecretRef.isWellFormed(credentialId)
        || secrets.describe(new SecretRef(credentialId)).isEmpty()) {
      throw new DiscoveryRefused(
          "bindCredentialId: no credential is stored with this id; store the reading account's"
              + " password with POST /api/credentials and give the id it returns / der er ingen"
              + " gemt legitimation med dette id; gem kontoens adgangskode med POST"
              + " /api/credentials og angiv det id, du får");
    }
    String baseDn = required(request.baseDn(), "baseDn");
    Discovery discovery;
    try {
      discovery =
          reader.read(
              new DirectoryQuery(
                  url,
                  bindDn,
                  new SecretRef(credentialId),
                  baseDn,
                  request.filter(),
                  request.allowPlaintext()));
    } catch (DirectoryProblem problem) {
      throw new DiscoveryRefused(
          "The directory could not be read / Kataloget kunne ikke læses: " + problem.getMessage(),
          problem);
    }
    String lowerDomain = domain.toLowerCase(Locale.ROOT);
    String id =
        store.saveDiscovery(lowerDomain, url + " " + baseDn, discovery, clock.instant(), true);
    log.info(
        "Directory discovery {} of {}: {} recipients, awaiting review",
        id,
        lowerDomain,
        discovery.recipients().size());
    return id;
  }

  /** The proposed batch as the review task shows it. */
  public ReviewText text(String discoveryId, Locale language) {
    StoredDiscovery discovery = existing(discoveryId);
    return ReviewText.of(
        discovery, store.ofDiscovery(discoveryId), store.skipped(discoveryId), language);
  }

  /**
   * The administrator accepts the proposed batch less the mailboxes named in {@code leaveOut}
   * (addresses; commas, semicolons, blanks and new lines separate them).
   *
   * @throws DiscoveryRefused when an address is no mailbox of the proposed batch, or the discovery
   *     was reviewed already; nothing is changed
   */
  @Transactional
  public void accept(String discoveryId, String leaveOut, String reviewedBy) {
    StoredDiscovery discovery = existing(discoveryId);
    if (!discovery.awaitingReview()) {
      throw new DiscoveryRefused(
          "Directory discovery " + discoveryId + " was reviewed already / er allerede gennemgået");
    }
    Map<String, StoredRecipient> proposed = new HashMap<>();
    for (StoredRecipient recipient : store.ofDiscovery(discoveryId)) {
      if (recipient.excludedReason() == null && recipient.kind().hasMailbox()) {
        for (String address : recipient.smtpAddresses()) {
          proposed.put(address.toLowerCase(Locale.ROOT), recipient);
        }
      }
    }
    List<StoredRecipient> chosen = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String address : addresses(leaveOut)) {
      StoredRecipient recipient = proposed.get(address.toLowerCase(Locale.ROOT));
      if (recipient == null) {
        unknown.add(address);
      } else if (!chosen.contains(recipient)) {
        chosen.add(recipient);
      }
    }
    if (!unknown.isEmpty()) {
      throw new DiscoveryRefused(
          "leaveOutMailboxes: "
              + String.join(", ", unknown)
              + (unknown.size() == 1 ? " is" : " are")
              + " no mailbox of the proposed batch; give addresses from its list / er ikke"
              + " postkasser i den foreslåede batch; angiv adresser fra listen");
    }
    chosen.forEach(recipient -> store.leaveOut(recipient.id()));
    if (!store.accept(discoveryId, reviewedBy, clock.instant())) {
      throw new DiscoveryRefused(
          "Directory discovery " + discoveryId + " was reviewed already / er allerede gennemgået");
    }
    log.info(
        "Directory discovery {}: batch accepted by {}, {} mailboxes left out",
        discoveryId,
        reviewedBy,
        chosen.size());
  }

  /** The administrator discards the discovery: it and its recipients are deleted. */
  @Transactional
  public void discard(String discoveryId) {
    if (store.discard(discoveryId)) {
      log.info("Directory discovery {} discarded in its review", discoveryId);
    }
  }

  private StoredDiscovery existing(String discoveryId) {
    return store
        .discovery(discoveryId)
        .orElseThrow(
            () ->
                new DiscoveryRefused(
                    "There is no directory discovery "
                        + discoveryId
                        + " / Der er intet katalogopslag "
                        + discoveryId));
  }

  static List<String> addresses(String text) {
    if (text == null) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new DiscoveryRefused(field + ": give a value / angiv en værdi");
    }
    return value.strip();
  }

  private static URI url(String text) {
    try {
      URI url = URI.create(text);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (url.getHost() != null && (scheme.equals("ldap") || scheme.equals("ldaps"))) {
        return url;
      }
    } catch (IllegalArgumentException notAUri) {
      // said below
    }
    throw new DiscoveryRefused(
        "directoryUrl: give ldaps://host:636 or ldap://host:389 (StartTLS) / angiv"
            + " ldaps://vært:636 eller ldap://vært:389 (StartTLS)");
  }
}
