package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cutover.notify.LetterEdit;
import org.junit.jupiter.api.Test;

/** The letter tasks' forms show and submit the variables the letter review fills and reads. */
class LetterFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> components(String form) throws IOException {
    List<JsonNode> components = new ArrayList<>();
    JSON.readTree(Path.of("forms", form + ".form").toFile())
        .path("components")
        .forEach(components::add);
    return components;
  }

  private static JsonNode field(List<JsonNode> components, String key) {
    return components.stream()
        .filter(component -> key.equals(component.path("key").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  private static String texts(List<JsonNode> components) {
    StringBuilder texts = new StringBuilder();
    components.stream()
        .filter(component -> "text".equals(component.path("type").asText()))
        .forEach(component -> texts.append(component.path("text").asText()).append('\n'));
    return texts.toString();
  }

  @Test
  void bothLetterFormsEditTheLetterWithinTheLimitsOfAnEdit() throws IOException {
    for (String form : List.of("communicate-changes", "send-welcome-letter")) {
      List<JsonNode> components = components(form);
      JsonNode subject = field(components, ProcessVariables.LETTER_SUBJECT.name());
      JsonNode text = field(components, ProcessVariables.LETTER_TEXT.name());

      assertThat(subject.path("type").asText()).as(form).isEqualTo("textfield");
      assertThat(subject.at("/validate/maxLength").asInt())
          .isEqualTo(LetterEdit.MAX_SUBJECT_LENGTH);
      assertThat(text.path("type").asText()).as(form).isEqualTo("textarea");
      assertThat(text.at("/validate/maxLength").asInt()).isEqualTo(LetterEdit.MAX_BODY_LENGTH);
      assertThat(texts(components))
          .as(form)
          .contains("{{" + ProcessVariables.LETTER_PLACEHOLDERS.name() + "}}")
          .contains("{{" + ProcessVariables.LETTER_PROBLEM.name() + "}}")
          .contains("Placeholders", "Pladsholdere");
    }
  }

  @Test
  void theAnnouncementFormAsksForAnOptionalDay() throws IOException {
    JsonNode planned =
        field(components("communicate-changes"), ProcessVariables.PLANNED_SWITCH.name());

    assertThat(planned.path("type").asText()).isEqualTo("datetime");
    assertThat(planned.path("subtype").asText()).isEqualTo("date");
    assertThat(planned.at("/validate/required").asBoolean(false)).isFalse();
  }
}
