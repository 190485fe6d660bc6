package org.cutover.tenant;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from Microsoft Entra ID for an app registration (OAuth 2.0 client credentials),
 * through MSAL, one client per app registration and secret. A token is handed out again until five
 * minutes before it expires, then a new one is fetched. (MSAL keeps its own cache too, but files
 * tokens under the host without its port, so a sign-in host on another port than 443 never finds
 * them; this cache holds for any address.) Tokens and secrets never reach a log line or a message.
 */
final class EntraTokens {

  private static final Logger log = LoggerFactory.getLogger(EntraTokens.class);

  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private record ClientKey(String tenantId, String clientId, String secretId) {}

  private record TokenKey(ClientKey client, String scope) {}

  private record Cached(String token, Instant renewAfter) {}

  private final URI authorityUrl;
  private final Duration timeout;
  private final SecretStore secrets;
  private final SSLSocketFactory tls;
  private final Clock clock;
  private final Map<ClientKey, ConfidentialClientApplication> clients = new ConcurrentHashMap<>();
  private final Map<TokenKey, Cached> tokens = new ConcurrentHashMap<>();

  /**
   * @param tls the TLS socket factory for Entra ID, or null for the JVM's default
   */
  EntraTokens(
      URI authorityUrl, Duration timeout, SecretStore secrets, SSLSocketFactory tls, Clock clock) {
    this.authorityUrl = authorityUrl;
    this.timeout = timeout;
    this.secrets = secrets;
    this.tls = tls;
    this.clock = clock;
  }

  /**
   * A token for {@code scope} (one resource, {@code …/.default}).
   *
   * @param renew true to skip the cache, after the resource refused the cached token
   */
  String token(Microsoft365App app, String scope, boolean renew) {
    TokenKey key = new TokenKey(clientKey(app), scope);
    Cached cached = tokens.get(key);
    if (!renew && cached != null && clock.instant().isBefore(cached.renewAfter())) {
      return cached.token();
    }
    ConfidentialClientApplication client = client(app);
    ClientCredentialParameters parameters =
        ClientCredentialParameters.builder(Set.of(scope)).skipCache(renew).build();
    try {
      IAuthenticationResult result =
          client.acquireToken(parameters).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Instant expires = result.expiresOnDate().toInstant();
      tokens.put(key, new Cached(result.accessToken(), expires.minus(RENEW_BEFORE_EXPIRY)));
      log.debug("Token for {} ({}) valid until {}", app.describe(), scope, expires);
      return result.accessToken();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetUnavailable("Interrupted while signing in " + app.describe());
    } catch (TimeoutException e) {
      throw new TargetUnavailable(
          "Microsoft Entra ID at "
              + authorityUrl.getHost()
              + " did not answer the sign-in of "
              + app.describe()
              + " within "
              + timeout.toSeconds()
              + " s; the step is tried again");
    } catch (ExecutionException e) {
      throw refused(app, scope, e.getCause());
    } catch (MsalException e) {
      throw refused(app, scope, e);
    }
  }

  private RuntimeException refused(Microsoft365App app, String scope, Throwable failure) {
    if (failure instanceof MsalServiceException service) {
      Integer status = service.statusCode();
      String answer = firstLine(service.getMessage());
      if (status != null && (status == 429 || status >= 500)) {
        return new TargetUnavailable(
            "Microsoft Entra ID could not sign in "
                + app.describe()
                + " now (HTTP "
                + status
                + " "
                + service.errorCode()
                + "); the step is tried again");
      }
      return new TargetNeedsAdministrator(
          "Microsoft Entra ID refused the sign-in of "
              + app.describe()
              + " for "
              + scope
              + " ("
              + service.errorCode()
              + ": "
              + answer
              + "). "
              + advice(answer));
    }
    if (failure instanceof MsalException client) {
      return new TargetUnavailable(
          "Microsoft Entra ID at "
              + authorityUrl.getHost()
              + " could not be reached to sign in "
              + app.describe()
              + " ("
              + client.errorCode()
              + ": "
              + firstLine(client.getMessage())
              + "); the step is tried again");
    }
    log.error("Sign-in of {} failed unexpectedly", app.describe(), failure);
    return new TargetUnavailable(
        "The sign-in of "
            + app.describe()
            + " failed unexpectedly ("
            + failure.getClass().getSimpleName()
            + "); the Cutover log has the details");
  }

  private static String advice(String answer) {
    if (answer.contains("AADSTS7000215")) {
      return "The client secret is wrong: store the secret's Value (not its ID) from Certificates &"
          + " secrets of the app registration again and give its new credential id.";
    }
    if (answer.contains("AADSTS7000222")) {
      return "The client secret has expired: add a new one to the app registration and store it.";
    }
    if (answer.contains("AADSTS700016")) {
      return "No such application in this tenant: check the application (client) id and the tenant"
          + " id, and that an administrator consented to the app in this tenant.";
    }
    if (answer.contains("AADSTS90002")) {
      return "No such tenant: check the tenant id (a GUID or a domain such as"
          + " contoso.onmicrosoft.com).";
    }
    if (answer.contains("AADSTS500011")) {
      return "The tenant has no such resource: check that Exchange Online is part of the tenant's"
          + " subscription.";
    }
    return "Check the tenant id, the application (client) id and the client secret of the app"
        + " registration.";
  }

  private ConfidentialClientApplication client(Microsoft365App app) {
    return clients.computeIfAbsent(clientKey(app), unused -> newClient(app));
  }

  private static ClientKey clientKey(Microsoft365App app) {
    return new ClientKey(app.tenantId(), app.clientId(), app.clientSecret().id());
  }

  private ConfidentialClientApplication newClient(Microsoft365App app) {
    String secret;
    try {
      secret = secrets.getString(app.clientSecret());
    } catch (SecretUnavailable e) {
      throw new TargetNeedsAdministrator(
          "The client secret of " + app.describe() + " cannot be read: " + e.getMessage());
    }
    if (secret.isBlank()) {
      throw new TargetNeedsAdministrator(
          "The client secret stored for " + app.describe() + " is empty; store it again");
    }
    IClientCredential credential = AppCredential.of(secret, app.describe());
    String authority = authorityUrl.toString().replaceAll("/+$", "") + "/" + app.tenantId() + "/";
    try {
      ConfidentialClientApplication.Builder builder =
          ConfidentialClientApplication.builder(app.clientId(), credential)
              .authority(authority)
              .instanceDiscovery(false)
              .logPii(false)
              .connectTimeoutForDefaultHttpClient((int) timeout.toMillis())
              .readTimeoutForDefaultHttpClient((int) timeout.toMillis());
      if (tls != null) {
        builder.sslSocketFactory(tls);
      }
      return builder.build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new TargetNeedsAdministrator(
          "The sign-in address for tenant "
              + app.tenantId()
              + " is not valid ("
              + e.getMessage()
              + "): check the tenant id and cutover.tenant.microsoft365.authority-url");
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip();
    int end = line.indexOf('\n');
    if (end >= 0) {
      line = line.substring(0, end);
    }
    return line.strip();
  }
}
