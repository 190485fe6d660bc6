package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cutover.mailsync.ImapLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginStringSpecTest {

  @TempDir Path dir;

  @Test
  void readsExchangesLoginStringForEachMailbox() throws IOException {
    SyncPlan plan = new SpecReader(Map.of("PW", "x")).read(spec("CONTOSO/migadmin"));

    ImapLogin login = plan.mailboxes().get(0).source().login();
    assertThat(login).isInstanceOf(ImapLogin.LoginString.class);
    assertThat(((ImapLogin.LoginString) login).loginName()).isEqualTo("CONTOSO/migadmin/anna");
  }

  @Test
  void refusesAnAdministratorThatMakesNoLoginString() throws IOException {
    Path spec = spec("CONTOSO/migadmin\\\\x");

    assertThatThrownBy(() -> new SpecReader(Map.of("PW", "x")).read(spec))
        .isInstanceOf(SpecProblem.class)
        .hasMessageStartingWith(
            "source.login.admin: The administrator 'CONTOSO/migadmin\\x' mixes");
  }

  private Path spec(String admin) throws IOException {
    Path spec = dir.resolve("spec.json");
    Files.writeString(
        spec,
        """
        {"source": {"host": "127.0.0.1", "port": 1143, "security": "plaintext",
                    "login": {"method": "login-string", "admin": "%s", "password": {"env": "PW"}}},
         "target": {"host": "127.0.0.1", "port": 2143, "security": "plaintext",
                    "login": {"method": "delegated", "admin": "master", "password": {"env": "PW"}}},
         "mailboxes": [{"source": "anna"}],
         "state": "state"}
        """
            .formatted(admin));
    return spec;
  }
}
