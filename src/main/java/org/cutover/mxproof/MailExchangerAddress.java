package org.cutover.mxproof;

/** Where the proof connects: the MX host (a name or address) and its SMTP port. */
public record MailExchangerAddress(String host, int port) {

  public MailExchangerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("The mail exchanger has no host name");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("The mail exchanger's port must be 1 to 65535: " + port);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
