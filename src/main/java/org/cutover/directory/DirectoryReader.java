package org.cutover.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads recipients from an LDAP directory with the UnboundID LDAP SDK: over LDAPS or StartTLS with
 * the server's certificate and host name checked, unless plaintext is explicitly allowed; with
 * paged results, so that AD's 1000-entry limit does not cut the list short, and AD's ranges of a
 * large group's members read to the end ({@link RangedValues}).
 */
@Component
public class DirectoryReader {

  private static final Logger log = LoggerFactory.getLogger(DirectoryReader.class);

  /** Only what classification and addresses need; the directory keeps much more. */
  static final String[] ATTRIBUTES = {
    "objectClass",
    "cn",
    "displayName",
    "mail",
    "proxyAddresses",
    "legacyExchangeDN",
    "msExchRecipientTypeDetails",
    "targetAddress",
    "userAccountControl",
    "groupType",
    "member",
    "uniqueMember",
    "managedBy",
    "msExchCoManagedByLink",
    "msExchDelegateListLink",
    "owner"
  };

  private final SecretStore secrets;
  private final DirectoryProperties properties;

  DirectoryReader(SecretStore secrets, DirectoryProperties properties) {
    this.secrets = secrets;
    this.properties = properties;
  }

  /**
   * @throws DirectoryProblem when the server cannot be reached securely, the login is refused, or
   *     the base DN or filter is wrong
   */
  public Discovery read(DirectoryQuery query) {
    Filter filter = parseFilter(query.filter());
    try (LDAPConnection connection = connect(query)) {
      bind(connection, query);
      List<DirectoryEntry> entries = search(connection, query, filter);
      Discovery discovery = RecipientAssembly.assemble(entries);
      log.info(
          "Read {} recipients ({} entries left out) from {} under {}",
          discovery.recipients().size(),
          discovery.skipped().size(),
          query.url(),
          query.baseDn());
      return discovery;
    }
  }

  private static Filter parseFilter(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException malformed) {
      throw new DirectoryProblem(
          "$.filter",
          "The LDAP filter "
              + filter
              + " cannot be read ("
              + malformed.getDiagnosticMessage()
              + "); write it as in RFC 4515, e.g. "
              + DirectoryQuery.DEFAULT_FILTER);
    }
  }

  private LDAPConnection connect(DirectoryQuery query) {
    String scheme = query.url().getScheme() == null ? "" : query.url().getScheme();
    String host = query.url().getHost();
    if (host == null || !(scheme.equalsIgnoreCase("ldap") || scheme.equalsIgnoreCase("ldaps"))) {
      throw new DirectoryProblem(
          "$.url",
          "The directory URL "
              + query.url()
              + " is not an LDAP URL; give ldaps://host:636 or ldap://host:389 (StartTLS)");
    }
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    int timeout = (int) properties.timeout().toMillis();
    options.setConnectTimeoutMillis(timeout);
    options.setResponseTimeoutMillis(timeout);
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
    LDAPConnection connection = null;
    try {
      if (query.ldaps()) {
        connection = new LDAPConnection(socketFactory(), options, host, query.port());
      } else {
        connection = new LDAPConnection(options, host, query.port());
        if (!query.allowPlaintext()) {
          startTls(connection, query);
        }
      }
      return connection;
    } catch (LDAPException refused) {
      if (connection != null) {
        connection.close();
      }
      throw new DirectoryProblem(
          "$.url",
          "Cannot reach the directory at "
              + query.url()
              + " securely: "
              + refused.getResultString()
              + ". Check the host and port, and that its certificate is issued for "
              + host
              + " by an authority Cutover trusts (cutover.directory.trust-store)",
          refused);
    }
  }

  private void startTls(LDAPConnection connection, DirectoryQuery query) throws LDAPException {
    var result = connection.processExtendedOperation(new StartTLSExtendedRequest(socketFactory()));
    if (result.getResultCode() != ResultCode.SUCCESS) {
      throw new DirectoryProblem(
          "$.url",
          "The directory at "
              + query.url()
              + " refused StartTLS ("
              + result.getResultString()
              + "); use ldaps://, enable StartTLS at the server, or allow plaintext explicitly");
    }
  }

  private SSLSocketFactory socketFactory() {
    try {
      X509TrustManager trust =
          properties.trustStore() == null
              ? JVMDefaultTrustManager.getInstance()
              : new PEMFileTrustManager(properties.trustStore().toFile());
      return new SSLUtil(trust).createSSLSocketFactory();
    } catch (GeneralSecurityException | IllegalArgumentException unusable) {
      throw new DirectoryProblem(
          null,
          "The directory trust store "
              + properties.trustStore()
              + " cannot be used ("
              + unusable.getMessage()
              + "); give a PEM file of certificates in cutover.directory.trust-store",
          unusable);
    }
  }

  private void bind(LDAPConnection connection, DirectoryQuery query) {
    byte[] password = password(query);
    try {
      BindRequest bind = new SimpleBindRequest(query.bindDn(), password);
      connection.bind(bind);
    } catch (LDAPException refused) {
      throw new DirectoryProblem(
          "$.credentialId",
          "The directory refused the login of "
              + query.bindDn()
              + " ("
              + refused.getResultCode()
              + "); check the bind DN and the stored password",
          refused);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  private byte[] password(DirectoryQuery query) {
    char[] secret;
    try {
      secret = secrets.get(query.credential());
    } catch (SecretUnavailable missing) {
      throw new DirectoryProblem(
          "$.credentialId",
          "The credential "
              + query.credential().id()
              + " is not stored; store the reading account's password with POST /api/credentials",
          missing);
    }
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      Arrays.fill(encoded.array(), (byte) 0);
      return bytes;
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private List<DirectoryEntry> search(
      LDAPConnection connection, DirectoryQuery query, Filter filter) {
    List<DirectoryEntry> entries = new ArrayList<>();
    ASN1OctetString cookie = null;
    try {
      do {
        SearchRequest request =
            new SearchRequest(query.baseDn(), SearchScope.SUB, filter, ATTRIBUTES);
        request.setSizeLimit(properties.maxEntries() - entries.size() + 1);
        request.setTimeLimitSeconds((int) Math.max(1, properties.timeout().toSeconds()));
        request.addControl(new SimplePagedResultsControl(properties.pageSize(), cookie, false));
        SearchResult result = connection.search(request);
        for (SearchResultEntry entry : result.getSearchEntries()) {
          entries.add(new DirectoryEntry(entry.getDN(), RangedValues.of(connection, entry)));
        }
        SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
        cookie = paged != null && paged.moreResultsToReturn() ? paged.getCookie() : null;
        tooMany(entries, query);
      } while (cookie != null);
    } catch (LDAPSearchException failed) {
      if (failed.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        tooMany(entries, query);
      }
      throw searchProblem(query, failed);
    } catch (LDAPException failed) {
      throw searchProblem(query, failed);
    }
    return entries;
  }

  private void tooMany(List<DirectoryEntry> entries, DirectoryQuery query) {
    if (entries.size() > properties.maxEntries()) {
      throw new DirectoryProblem(
          "$.filter",
          "The search under "
              + query.baseDn()
              + " finds more than "
              + properties.maxEntries()
              + " entries; narrow the base DN or the filter, or raise"
              + " cutover.directory.max-entries");
    }
  }

  private static DirectoryProblem searchProblem(DirectoryQuery query, LDAPException failed) {
    boolean noBase = failed.getResultCode() == ResultCode.NO_SUCH_OBJECT;
    return new DirectoryProblem(
        noBase ? "$.baseDn" : "$.filter",
        noBase
            ? "The base DN " + query.baseDn() + " does not exist in the directory; check it"
            : "The directory refused the search under "
                + query.baseDn()
                + " ("
                + failed.getResultString()
                + "); check the base DN, the filter and the account's right to read",
        failed);
  }
}
