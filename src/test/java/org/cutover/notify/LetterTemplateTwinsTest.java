package org.cutover.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the templates in step: every English template has a Danish twin naming the same facts and
 * placeholders, and the other way round; every letter kind has its templates; and every template
 * renders, for both kinds of target.
 */
class LetterTemplateTwinsTest {

  private static final Pattern FACT = Pattern.compile("\\$\\{\\s*!?\\s*([A-Za-z][A-Za-z0-9]*)");
  private static final List<String> LANGUAGES = List.of("en", "da");

  @Test
  void everyTemplateHasATwinInTheOtherLanguageWithTheSameFactsAndPlaceholders() throws Exception {
    List<Path> templates = templates();
    assertThat(templates).isNotEmpty();
    for (Path template : templates) {
      String name = template.getFileName().toString();
      for (String language : LANGUAGES) {
        String other =
            LANGUAGES.stream().filter(l -> !l.equals(language)).findFirst().orElseThrow();
        if (!name.endsWith("_" + language + ".txt")) {
          continue;
        }
        Path twin =
            template.resolveSibling(name.replace("_" + language + ".txt", "_" + other + ".txt"));
        assertThat(twin).as("the %s twin of %s", other, name).exists();
        String text = read(template);
        String twinText = read(twin);
        assertThat(facts(twinText)).as("facts of %s and its twin", name).isEqualTo(facts(text));
        assertThat(new TreeSet<>(Placeholders.namesIn(twinText)))
            .as("placeholders of %s and its twin", name)
            .isEqualTo(new TreeSet<>(Placeholders.namesIn(text)));
      }
      assertThat(name).as("template names end in _<language>.txt").matches(".+_(en|da)\\.txt");
    }
  }

  @Test
  void everyLetterKindHasItsTemplatesAndTheyRender() {
    LetterTemplates renderer = new LetterTemplates();
    for (LetterKind kind : LetterKind.values()) {
      for (String language : LANGUAGES) {
        for (var facts : List.of(SampleFacts.microsoft365(), SampleFacts.imap())) {
          Letter letter =
              renderer.render(kind.template(), language, facts, SampleFacts.PLACEHOLDERS);
          assertThat(letter.subject()).isNotBlank().doesNotContain("[", "${");
          assertThat(letter.body()).doesNotContain("[#", "[/]", "[(", "${", "\n\n\n");
        }
      }
    }
  }

  private static List<Path> templates() throws IOException, URISyntaxException {
    URL folder = LetterTemplates.class.getClassLoader().getResource(LetterTemplates.FOLDER);
    assertThat(folder).as("the letters folder on the class path").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
    }
  }

  private static Set<String> facts(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = FACT.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
