package org.cutover.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;

/**
 * The ready-made migration request for the servers the demo runs: the file as shipped when the demo
 * runs on the ports it names, else a copy with the ports and addresses in use, written beside the
 * demo's database, so that the command the start-up line shows works as it stands.
 */
final class DemoRequestFile {

  static final String FILE_NAME = "demo-migration.json";

  private final DemoProperties properties;
  private final Path writeTo;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param writeTo the folder a request for other ports is written to
   */
  DemoRequestFile(DemoProperties properties, Path writeTo) {
    this.properties = properties;
    this.writeTo = writeTo;
  }

  /** The request file to post, for DNS at {@code dnsServer} ({@code address:port}). */
  String path(String dnsServer) {
    ObjectNode shipped = shipped();
    ObjectNode request = shipped.deepCopy();
    endpoint((ObjectNode) request.get("source"), properties.sourceImapPort());
    endpoint((ObjectNode) request.get("target").get("endpoint"), properties.targetImapPort());
    ((ObjectNode) request.get("dns")).put("server", dnsServer);
    if (request.equals(shipped)) {
      return properties.requestFile();
    }
    Path file = writeTo.resolve(FILE_NAME);
    try {
      Files.createDirectories(writeTo);
      json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), request);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The demo's migration request could not be written to " + file, e);
    }
    return file.toString();
  }

  private void endpoint(ObjectNode endpoint, int port) {
    endpoint.put("host", properties.address());
    endpoint.put("port", port);
  }

  private ObjectNode shipped() {
    try (InputStream in = new ClassPathResource("demo/migration.json").getInputStream()) {
      return (ObjectNode) json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("The demo's migration request is missing", e);
    }
  }
}
