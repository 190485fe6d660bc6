package org.cutover.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's directory: UnboundID's in-memory LDAP server with contoso.test's recipients as Active
 * Directory with Exchange keeps them. It has no schema (AD's and Exchange's are not UnboundID's),
 * no TLS (discovery reads it with allowPlaintext on loopback), and one reading account.
 */
public final class DemoDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

  /** The demo directory's suffix. */
  public static final String BASE_DN = "dc=contoso,dc=test";

  /** The account discovery reads with. */
  public static final String READER_DN = "cn=cutover-reader," + BASE_DN;

  private final InMemoryDirectoryServer server;

  private DemoDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  /**
   * Starts the directory on {@code address}:{@code port} (0: any free port) with the entries of the
   * demo LDIF and the reading account's password.
   */
  public static DemoDirectory start(String address, int port, String readerPassword) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
      config.setSchema(null);
      config.addAdditionalBindCredentials(READER_DN, readerPassword);
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "ldap", InetAddress.getByName(address), port, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      try (InputStream ldif = DemoDirectory.class.getResourceAsStream("/demo/directory.ldif");
          LDIFReader reader = new LDIFReader(ldif)) {
        server.importFromLDIF(true, reader);
      }
      server.startListening();
      log.info("Demo directory on ldap://{}:{} under {}", address, server.getListenPort(), BASE_DN);
      return new DemoDirectory(server);
    } catch (LDAPException | IOException e) {
      throw new IllegalStateException("The demo directory could not start: " + e.getMessage(), e);
    }
  }

  /** The URL discovery reads it at. */
  public String url() {
    return "ldap://" + server.getListenAddress().getHostAddress() + ":" + server.getListenPort();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
