package org.cutover.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A DNS server to ask: the name it is known by (its NS name, or what was configured) and the
 * address and port it answers on.
 */
public record NameServer(String name, InetSocketAddress address) {

  public static final int DNS_PORT = 53;

  public NameServer {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A name server needs a name");
    }
    if (address == null || address.isUnresolved()) {
      throw new IllegalArgumentException("Name server " + name + " needs a resolved address");
    }
  }

  /** A server known only by its address. */
  public static NameServer at(InetSocketAddress address) {
    return new NameServer(hostPort(address), address);
  }

  /**
   * Reads {@code host}, {@code host:port}, {@code 192.0.2.1:5353} or {@code [2001:db8::1]:53}; the
   * port defaults to 53. A host name is resolved now with the system resolver.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static NameServer parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A name server address is required but was empty");
    }
    String value = text.strip();
    String host = value;
    int port = DNS_PORT;
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException("'" + text + "' lacks the closing ']'");
      }
      host = value.substring(1, end);
      if (value.length() > end + 1) {
        port = port(value.substring(end + 1), text);
      }
    } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      host = value.substring(0, value.indexOf(':'));
      port = port(value.substring(value.indexOf(':')), text);
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      InetSocketAddress socketAddress = new InetSocketAddress(address, port);
      boolean literal = host.contains(":") || host.matches("[0-9.]+");
      return literal ? at(socketAddress) : new NameServer(host, socketAddress);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "Name server host '" + host + "' in '" + text + "' does not resolve", e);
    }
  }

  /** How the server appears in reports: {@code ns1.contoso.com. (192.0.2.53:53)}. */
  public String describe() {
    String where = hostPort(address);
    return name.equals(where) ? where : name + " (" + where + ")";
  }

  private static int port(String colonAndPort, String text) {
    if (!colonAndPort.startsWith(":")) {
      throw new IllegalArgumentException("'" + text + "' is not host:port");
    }
    try {
      int port = Integer.parseInt(colonAndPort.substring(1));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("Port " + port + " in '" + text + "' is out of range");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has a port that is not a number", e);
    }
  }

  private static String hostPort(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
