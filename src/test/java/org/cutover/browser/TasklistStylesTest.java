package org.cutover.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Tasklist loads {@code styles/user-styles.css} after its own styles; Cutover's copy comes first on
 * the class path, in place of the webapp's empty one, and lets long form labels wrap instead of
 * cutting them off.
 */
class TasklistStylesTest {

  private static final String USER_STYLES =
      "META-INF/resources/webjars/camunda/app/tasklist/styles/user-styles.css";

  @Test
  void cutoversUserStylesReplaceTheWebappsAndLetLabelsWrap() throws Exception {
    URL found = getClass().getClassLoader().getResource(USER_STYLES);

    assertThat(found).isNotNull();
    assertThat(found.getProtocol()).isEqualTo("file");
    String css;
    try (InputStream in = found.openStream()) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(css)
        .contains(".fjs-container .fjs-form-field .fjs-form-field-label")
        .contains("white-space: normal")
        .contains("overflow: visible");
  }
}
