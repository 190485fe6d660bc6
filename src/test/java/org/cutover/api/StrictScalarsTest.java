package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.stream.Collectors;
import org.cutover.migration.ConnectionSecurity;
import org.cutover.migration.NewMigration;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class StrictScalarsTest {

  static final String VALID =
      """
      {"domain": "contoso.com", "batchName": "wave-1",
       "mailboxes": [{"emailAddress": "anna@contoso.com"}],
       "source": {"host": "mail.contoso.com", "port": 993, "security": "IMPLICIT_TLS",
                  "allowPlaintext": false, "auth": "DELEGATED_ADMIN",
                  "adminUser": "admin@contoso.com", "password": "pw"},
       "target": {"type": "IMAP", "mxHosts": ["10 mx.newhost.example"],
                  "endpoint": {"host": "imap.newhost.example", "security": "STARTTLS",
                               "auth": "PLAIN", "adminUser": "admin", "password": "pw"}},
       "dns": {"mode": "GUIDED"},
       "durations": {"finalWait": "PT72H"}}
      """;

  private final ObjectMapper json = mapper();
  private final StrictJson strict = new StrictJson(json);

  private static ObjectMapper mapper() {
    Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
    new StrictScalars().refuseCoercion().customize(builder);
    return builder.build();
  }

  @Test
  void readsTheSettingsAsWritten() throws Exception {
    NewMigration settings = strict.migration(json.readTree(VALID));

    assertThat(settings.source().security()).isEqualTo(ConnectionSecurity.IMPLICIT_TLS);
    assertThat(settings.source().port()).isEqualTo(993);
    assertThat(settings.durations().finalWait()).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void refusesANumberForAChoice() throws Exception {
    assertThat(refusedPath("/source", "security", 0)).isEqualTo("source.security");
  }

  @Test
  void refusesANumberForYesOrNo() throws Exception {
    assertThat(refusedPath("/source", "allowPlaintext", -1)).isEqualTo("source.allowPlaintext");
  }

  @Test
  void refusesAFractionForAPort() throws Exception {
    assertThat(refusedPath("/source", "port", 1.5)).isEqualTo("source.port");
  }

  @Test
  void refusesTextForAPort() throws Exception {
    assertThat(refusedPath("/source", "port", "993")).isEqualTo("source.port");
  }

  @Test
  void refusesANumberForText() throws Exception {
    assertThat(refusedPath("", "batchName", 5)).isEqualTo("batchName");
    assertThat(refusedPath("/source", "password", 12345)).isEqualTo("source.password");
  }

  @Test
  void refusesTrueForText() throws Exception {
    assertThat(refusedPath("", "language", true)).isEqualTo("language");
  }

  @Test
  void refusesANumberForADuration() throws Exception {
    assertThat(refusedPath("/durations", "finalWait", 3600)).isEqualTo("durations.finalWait");
  }

  @Test
  void refusesContentAfterTheJsonValue() {
    assertThatThrownBy(() -> json.readTree(VALID + " {\"domain\": \"evil.example\"}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Trailing token");
  }

  /** The path of the field refused when {@code field} of the object at {@code at} is set. */
  private String refusedPath(String at, String field, Object value) throws Exception {
    ObjectNode body = (ObjectNode) json.readTree(VALID);
    ObjectNode parent = at.isEmpty() ? body : (ObjectNode) body.at(at);
    parent.set(field, json.valueToTree(value));
    try {
      strict.migration(body);
    } catch (StrictJson.UnreadableBody refused) {
      return refused.mapping().getPath().stream()
          .map(JsonMappingException.Reference::getFieldName)
          .collect(Collectors.joining("."));
    }
    throw new AssertionError(field + " = " + value + " was accepted");
  }
}
