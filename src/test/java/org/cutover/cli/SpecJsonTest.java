package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecJsonTest {

  private static final Path FILE = Path.of("/specs/sync.json");

  private static SyncSpec read(String json) {
    return SpecJson.read(json.getBytes(StandardCharsets.UTF_8), FILE);
  }

  private static String problem(String json) {
    try {
      read(json);
    } catch (SpecProblem problem) {
      return problem.getMessage();
    }
    throw new AssertionError("no problem reported for " + json);
  }

  @Test
  void readsEveryFieldOfTheSpec() {
    SyncSpec spec =
        read(
            """
            // the old server
            {
              "source": {"host": "mail.example.dk", "port": 993, "security": "tls",
                         "trustCertificates": "ca.pem", "maxConcurrentMailboxes": 4,
                         "disabledExtensions": ["CONDSTORE", "ESEARCH",],
                         "login": {"method": "delegated", "admin": "admin",
                                   "password": {"file": "admin.pw"}}},
              "target": {"host": "outlook.office365.com", "port": "993",
                         "login": {"method": "xoauth2", "token": {"env": "TOKEN"}}},
              "mailboxes": [
                {"source": "anna", "target": "anna@example.dk",
                 "sourcePassword": {"file": "anna.pw"}, "targetPassword": {"env": "ANNA"}},
                {"source": "bo"},
              ],
              "options": {"parallelFolders": 3, "excludeFolders": ["Calendar*"],
                          "folderMap": {"Sendt post/2024": "Sent/2024"},
                          "maxMessageBytes": 157286400, "badItemLimit": 5,
                          "deletedOnSource": "delete", "duplicateMatching": "exact"},
              "state": "sync-state" /* next to the spec */
            }
            """);

    assertThat(spec.source().host()).isEqualTo("mail.example.dk");
    assertThat(spec.source().port()).isEqualTo(993);
    assertThat(spec.source().maxConcurrentMailboxes()).isEqualTo(4);
    assertThat(spec.source().disabledExtensions()).containsExactly("CONDSTORE", "ESEARCH");
    assertThat(spec.source().login().admin()).isEqualTo("admin");
    assertThat(spec.source().login().password()).isEqualTo(new SecretReference("admin.pw", null));
    assertThat(spec.target().port()).isEqualTo(993);
    assertThat(spec.target().security()).isNull();
    assertThat(spec.target().login().token()).isEqualTo(new SecretReference(null, "TOKEN"));
    assertThat(spec.mailboxes()).hasSize(2);
    assertThat(spec.mailboxes().get(0).target()).isEqualTo("anna@example.dk");
    assertThat(spec.mailboxes().get(0).targetPassword())
        .isEqualTo(new SecretReference(null, "ANNA"));
    assertThat(spec.mailboxes().get(1).sourcePassword()).isNull();
    assertThat(spec.options().parallelFolders()).isEqualTo(3);
    assertThat(spec.options().excludeFolders()).isEqualTo(List.of("Calendar*"));
    assertThat(spec.options().folderMap()).isEqualTo(Map.of("Sendt post/2024", "Sent/2024"));
    assertThat(spec.options().maxMessageBytes()).isEqualTo(157_286_400L);
    assertThat(spec.options().badItemLimit()).isEqualTo(5);
    assertThat(spec.options().deletedOnSource()).isEqualTo("delete");
    assertThat(spec.state()).isEqualTo("sync-state");
  }

  @Test
  void leavesOutFieldsAbsentAndListsEmpty() {
    SyncSpec spec = read("{\"state\": \"s\"}");
    assertThat(spec.source()).isNull();
    assertThat(spec.options()).isNull();
    assertThat(spec.mailboxes()).isEmpty();
  }

  @Test
  void namesAnUnknownFieldWithTheFieldsKnownThere() {
    assertThat(problem("{\"options\": {\"paralelFolders\": 2}}"))
        .isEqualTo(
            "options.paralelFolders: unknown field \"paralelFolders\" (known here:"
                + " badItemLimit, deletedOnSource, duplicateMatching, excludeFolders, folderMap,"
                + " maxMessageBytes, parallelFolders)");
    assertThat(problem("{\"mailboxes\": [{\"source\": \"a\"}, {\"sourcePasword\": {}}]}"))
        .startsWith("mailboxes[1].sourcePasword: unknown field");
    assertThat(problem("{\"mailboxes\": [{\"sourcePassword\": {\"path\": \"x\"}}]}"))
        .isEqualTo(
            "mailboxes[0].sourcePassword.path: unknown field \"path\" (known here: env, file)");
  }

  @Test
  void saysWhatTypeAFieldWantsAndWhatItGot() {
    assertThat(problem("{\"source\": {\"port\": \"imap\"}}"))
        .isEqualTo("source.port: expected a whole number, not the text \"imap\"");
    assertThat(problem("{\"source\": {\"port\": 99.5}}"))
        .isEqualTo("source.port: expected a whole number, not the number 99.5");
    assertThat(problem("{\"source\": {\"port\": 99999999999}}"))
        .isEqualTo("source.port: 99999999999 is out of range");
    assertThat(problem("{\"options\": {\"maxMessageBytes\": 99999999999999999999}}"))
        .isEqualTo("options.maxMessageBytes: 99999999999999999999 is out of range");
    assertThat(problem("{\"source\": \"mail.example.dk\"}"))
        .isEqualTo("source: expected an object ({ ... }), not the text \"mail.example.dk\"");
    assertThat(problem("{\"source\": {\"host\": 12}}"))
        .isEqualTo("source.host: expected a text in quotes, not the number 12");
    assertThat(problem("{\"mailboxes\": {\"source\": \"anna\"}}"))
        .isEqualTo("mailboxes: expected a list ([ ... ]), not an object");
    assertThat(problem("{\"mailboxes\": [\"anna\"]}"))
        .isEqualTo("mailboxes[0]: expected an object ({ ... }), not the text \"anna\"");
    assertThat(problem("{\"options\": {\"excludeFolders\": [\"Junk\", true]}}"))
        .isEqualTo("options.excludeFolders[1]: expected a text in quotes, not true");
    assertThat(problem("{\"options\": {\"folderMap\": {\"Old\": [\"New\"]}}}"))
        .isEqualTo("options.folderMap.Old: expected a text in quotes, not a list");
    assertThat(problem("{\"options\": {\"folderMap\": {\"Old\": null}}}"))
        .isEqualTo("options.folderMap.Old: expected a text in quotes, not null");
  }

  @Test
  void keepsAnEmptyMailboxEntryForTheReaderToReport() {
    assertThat(read("{\"mailboxes\": [null]}").mailboxes())
        .containsExactly((SyncSpec.Mailbox) null);
  }

  @Test
  void refusesWhatIsNotOneJsonObject() {
    assertThat(problem("")).isEqualTo(FILE + " is empty: it must hold one JSON object");
    assertThat(problem("  null ")).isEqualTo(FILE + " is empty: it must hold one JSON object");
    assertThat(problem("[{}]"))
        .isEqualTo(FILE + " must hold one JSON object ({ ... }), not a list");
    assertThat(problem("{\"state\": \"s\"} {}"))
        .startsWith(FILE + " is not valid JSON (line 1, column ")
        .endsWith("more text after the closing } of the spec's object");
    assertThat(problem("{\"state\": \"s\",\n \"source\": {\"host\": \"a\" \"port\": 1}}"))
        .startsWith(FILE + " is not valid JSON (line 2, column ");
    assertThat(problem("{\"mailboxes\": [{\"source\": \"anna\"}"))
        .startsWith(FILE + " is not valid JSON (line 1, column ")
        .contains("end-of-input");
    assertThat(problem("{\"options\": {\"excludeFolders\": [\"Junk\""))
        .startsWith(FILE + " is not valid JSON (line 1, column ");
    assertThat(problem("{\"state\": \"s\", \"state\": \"t\"}"))
        .startsWith(FILE + " is not valid JSON (line 1, column ")
        .contains("Duplicate field 'state'");
  }
}
