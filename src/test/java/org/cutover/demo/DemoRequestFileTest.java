package org.cutover.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The start-up line names a request file whose servers are the ones the demo runs. */
class DemoRequestFileTest {

  @TempDir Path data;

  private static DemoProperties demoOn(String address, int source, int target) {
    return new DemoProperties(
        address,
        source,
        target,
        3025,
        "contoso.test",
        List.of("anna", "bo", "carl"),
        "contoso-demo-access-token",
        true,
        "src/demo/resources/demo/migration.json");
  }

  @Test
  void onTheShippedPortsTheLineNamesTheShippedFileAndNothingIsWritten() throws Exception {
    DemoProperties demo = demoOn("127.0.0.1", 3143, 3144);

    String file = new DemoRequestFile(demo, data).path("127.0.0.1:5353");

    assertThat(file).isEqualTo("src/demo/resources/demo/migration.json");
    try (var written = Files.list(data)) {
      assertThat(written).isEmpty();
    }
  }

  @Test
  void onOtherPortsTheLineNamesACopyWithThePortsInUse() throws Exception {
    DemoProperties demo = demoOn("127.0.0.1", 4143, 4144);
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("server.address", "127.0.0.1")
            .withProperty("cutover.dns.embedded-server.address", "127.0.0.1")
            .withProperty("cutover.dns.embedded-server.port", "6353");

    String line = new DemoReadyLine(demo, new DemoRequestFile(demo, data)).text(9090, environment);

    Path written = data.resolve(DemoRequestFile.FILE_NAME);
    assertThat(line)
        .contains("http://127.0.0.1:9090/api/migrations -d @" + written)
        .contains("IMAP source 127.0.0.1:4143");
    JsonNode request = new ObjectMapper().readTree(written.toFile());
    assertThat(request.at("/source/port").asInt()).isEqualTo(4143);
    assertThat(request.at("/target/endpoint/port").asInt()).isEqualTo(4144);
    assertThat(request.at("/dns/server").asText()).isEqualTo("127.0.0.1:6353");
    assertThat(request.at("/domain").asText()).isEqualTo("contoso.test");
    assertThat(request.at("/mailboxes").size()).isEqualTo(3);
  }
}
