package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnePairPerMailboxTest {

  @TempDir Path dir;

  @Test
  void refusesOneSourceLoginCopiedIntoSeveralTargetMailboxes() throws IOException {
    Path spec =
        spec(
            """
            {"source": "admin", "target": "anna", "sourcePassword": {"env": "PW"},
             "targetPassword": {"env": "PW"}},
            {"source": "Admin", "target": "bo", "sourcePassword": {"env": "PW"},
             "targetPassword": {"env": "PW"}}
            """);

    assertThatThrownBy(() -> new SpecReader(Map.of("PW", "x")).read(spec))
        .isInstanceOf(SpecProblem.class)
        .hasMessageStartingWith("mailboxes[1].source: the source mailbox Admin is already in")
        .hasMessageContaining("mailboxes[0]");
  }

  @Test
  void refusesSeveralSourceMailboxesMergedIntoOneTarget() throws IOException {
    Path spec =
        spec(
            """
            {"source": "anna", "target": "shared"},
            {"source": "bo", "target": "SHARED"}
            """);

    assertThatThrownBy(() -> new SpecReader(Map.of("PW", "x")).read(spec))
        .isInstanceOf(SpecProblem.class)
        .hasMessageStartingWith("mailboxes[1].target: the target mailbox SHARED is already in");
  }

  @Test
  void acceptsOnePairPerMailboxWithTheUsersItNames() throws IOException {
    Path spec = spec("{\"source\": \"anna\"}, {\"source\": \"bo\", \"target\": \"bo2\"}");

    SyncPlan plan = new SpecReader(Map.of("PW", "x")).read(spec);

    assertThat(plan.mailboxes())
        .extracting(run -> run.source().user() + " -> " + run.target().user())
        .containsExactly("anna -> anna", "bo -> bo2");
  }

  private Path spec(String mailboxes) throws IOException {
    Path spec = dir.resolve("spec.json");
    Files.writeString(
        spec,
        """
        {"source": {"host": "127.0.0.1", "port": 1143, "security": "plaintext",
                    "login": {"method": "delegated", "admin": "master", "password": {"env": "PW"}}},
         "target": {"host": "127.0.0.1", "port": 2143, "security": "plaintext",
                    "login": {"method": "delegated", "admin": "master", "password": {"env": "PW"}}},
         "mailboxes": [%s],
         "state": "state"}
        """
            .formatted(mailboxes));
    return spec;
  }
}
