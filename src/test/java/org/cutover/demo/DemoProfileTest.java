package org.cutover.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.RuntimeService;
import org.cutover.testsupport.FreePort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The demo profile starts its servers, seeds the source, and its sample request is accepted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles({"demo", "test"})
class DemoProfileTest {

  static final int SOURCE = FreePort.pick();
  static final int TARGET = FreePort.pick();
  static final int SMTP = FreePort.pick();
  static final int DNS = FreePort.pick();

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) {
    registry.add("cutover.demo.source-imap-port", () -> SOURCE);
    registry.add("cutover.demo.target-imap-port", () -> TARGET);
    registry.add("cutover.demo.smtp-port", () -> SMTP);
    registry.add("cutover.dns.embedded-server.port", () -> DNS);
  }

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired DemoProperties demo;
  @Autowired RuntimeService runtime;

  @Test
  void sourceMailboxesHoldTheSampleMailInNestedAndDanishFolders() throws Exception {
    for (String address : demo.addresses()) {
      try (Store store = connect(SOURCE, address, demo.accessToken())) {
        assertThat(store.getFolder("INBOX").getMessageCount()).as(address).isEqualTo(4);
        for (String path : DemoMailboxSeed.FOLDERS) {
          assertThat(folder(store, path).exists()).as(address + " " + path).isTrue();
        }
        Folder projects = folder(store, "Projekter/2025");
        projects.open(Folder.READ_ONLY);
        Message plan = projects.getMessage(1);
        assertThat(plan.getSubject()).isEqualTo("Projektplan Ærø-havn");
        assertThat(plan.getFlags().contains(Flags.Flag.FLAGGED)).isTrue();
        assertThat(plan.getFlags().contains(DemoMailboxSeed.KEYWORD)).isTrue();
        assertThat(attachmentNames(plan)).containsExactly("projektplan.ics");
        projects.close(false);
        Folder customers = folder(store, "Kunder/Ærø");
        customers.open(Folder.READ_ONLY);
        assertThat(customers.getMessage(1).getFlags().contains(Flags.Flag.ANSWERED)).isTrue();
        customers.close(false);
        assertThat(folder(store, "Økonomi").getMessageCount()).isEqualTo(1);
        assertThat(folder(store, "Sendt post").getMessageCount()).isEqualTo(2);
      }
    }
  }

  @Test
  void targetHasEveryDemoUserWithAnEmptyMailboxAndRefusesAWrongToken() throws Exception {
    for (String address : demo.addresses()) {
      try (Store store = connect(TARGET, address, demo.accessToken())) {
        assertThat(store.getFolder("INBOX").getMessageCount()).as(address).isZero();
      }
    }
    assertThatThrownBy(() -> connect(TARGET, "anna@contoso.test", "not-the-token").close())
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void seedingAgainLeavesFilledMailboxesAlone() throws Exception {
    assertThat(new DemoMailboxSeed(demo).seedEmptyMailboxes()).isZero();
  }

  @Test
  void sampleRequestStartsAMigration() throws Exception {
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(httpBasic("admin", "admin-test-password"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(sampleRequest(json, SOURCE, TARGET, DNS)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.readTree(created).get("id").asText();

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count())
        .isEqualTo(1);
    mvc.perform(get("/api/demo/outbox").with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$").isArray());
  }

  /** src/demo/resources/demo/migration.json with this test's ports instead of the demo's. */
  static String sampleRequest(ObjectMapper json, int source, int target, int dns) throws Exception {
    ObjectNode request;
    try (InputStream in = new ClassPathResource("demo/migration.json").getInputStream()) {
      request = (ObjectNode) json.readTree(in);
    }
    ((ObjectNode) request.get("source")).put("port", source);
    ((ObjectNode) request.get("target").get("endpoint")).put("port", target);
    ((ObjectNode) request.get("dns")).put("server", "127.0.0.1:" + dns);
    return json.writeValueAsString(request);
  }

  private static Store connect(int port, String user, String password) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", port, user, password);
    return store;
  }

  private static Folder folder(Store store, String path) throws Exception {
    Folder folder = store.getDefaultFolder();
    for (String level : path.split("/")) {
      folder = folder.getFolder(level);
    }
    return folder;
  }

  private static List<String> attachmentNames(Message message) throws Exception {
    List<String> names = new ArrayList<>();
    if (message.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        if (Part.ATTACHMENT.equalsIgnoreCase(multipart.getBodyPart(i).getDisposition())) {
          names.add(multipart.getBodyPart(i).getFileName());
        }
      }
    }
    return names;
  }
}
