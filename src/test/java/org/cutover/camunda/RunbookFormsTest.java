package org.cutover.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Every human task and the start form have a Camunda Form that Tasklist 7.24 can render. */
class RunbookFormsTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Path FORMS = Path.of("forms");
  private final ObjectMapper json = new ObjectMapper();
  private final BpmnModelInstance model =
      Bpmn.readModelFromFile(Path.of("bpmn", "cutover-migration.bpmn").toFile());

  @Test
  void everyUserTaskAndTheStartEventLinkAFormFromTheFormsFolder() throws IOException {
    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(
            start ->
                start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
        .forEach(nodes::add);
    assertThat(nodes).isNotEmpty();
    for (FlowNode node : nodes) {
      String formRef = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
      assertThat(formRef).as("formRef of %s", node.getId()).isNotBlank();
      assertThat(node.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))
          .as("formRefBinding of %s", node.getId())
          .isEqualTo("deployment");
      Path form = FORMS.resolve(formRef + ".form");
      assertThat(form).as("form of %s", node.getId()).exists();
      assertThat(json.readTree(form.toFile()).path("id").asText()).isEqualTo(formRef);
    }
  }

  @Test
  void everyFormTargetsTasklist724WithUniqueFieldKeysAndLabels() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(file.toFile());
        assertThat(form.path("schemaVersion").asInt()).as("%s", file).isEqualTo(16);
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        Set<String> keys = new HashSet<>();
        for (JsonNode field : fields(form)) {
          String key = field.path("key").asText();
          assertThat(keys.add(key)).as("key %s repeated in %s", key, file).isTrue();
          assertThat(field.path("label").asText()).as("label of %s in %s", key, file).isNotBlank();
        }
      }
    }
  }

  @Test
  void noFormAsksForAPassword() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.toList()) {
        for (JsonNode field : fields(json.readTree(file.toFile()))) {
          assertThat(field.path("key").asText().toLowerCase())
              .as("Tasklist keeps form input in the browser: %s", file)
              .doesNotContain("password")
              .doesNotContain("secret")
              .doesNotContain("token");
        }
      }
    }
  }

  private static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> fields = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      if (component.has("components")) {
        fields.addAll(fields(component));
      } else if (component.has("key")) {
        fields.add(component);
      }
    }
    return fields;
  }
}
