package org.cutover.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders the letter templates, {@code letters/<template>_<language>.txt} on the class path:
 * Thymeleaf in text mode ({@code [(${domain})]}, {@code [# th:if="${microsoft365}"]...[/]}). The
 * first line is {@code Subject: ...}, the rest is the body. A line holding only block markup
 * ({@code [# th:if=...]}, {@code [/]}) leaves no empty line behind, and runs of blank lines become
 * one. The facts a template names must all be given (a null value is fine, a missing name is an
 * error), and the {@code {{name}}} placeholders it leaves for each recipient must be among those
 * given.
 */
public class LetterTemplates {

  static final String FOLDER = "letters/";
  private static final String SUBJECT = "Subject:";
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern MARKUP_LINE =
      Pattern.compile("(?m)^[ \\t]*((?:\\[#[^\\]\\n]*]|\\[/])+)[ \\t]*\\n");

  private final String folder;
  private final TemplateEngine engine;
  private final Map<String, String> sources = new ConcurrentHashMap<>();

  public LetterTemplates() {
    this(FOLDER);
  }

  LetterTemplates(String folder) {
    this.folder = folder;
    // The template's text is read here and handed to Thymeleaf as the template itself.
    StringTemplateResolver resolver = new StringTemplateResolver();
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCacheable(true);
    this.engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setEngineContextFactory(new StrictContextFactory());
  }

  /**
   * @param template the base name, e.g. {@code announcement}
   * @param language {@code en} or {@code da}
   * @param facts the values the template may name
   * @param placeholders the {@code {{name}}} placeholders the rendered letter may keep
   * @throws LetterTemplateError naming the template and what is wrong with it
   */
  public Letter render(
      String template, String language, Map<String, ?> facts, Set<String> placeholders) {
    String file = file(template, language);
    String source = sources.computeIfAbsent(file, LetterTemplates::source);
    Context context = new Context(Locale.forLanguageTag(language));
    facts.forEach(context::setVariable);
    String text;
    try {
      text = engine.process(source, context);
    } catch (TemplateEngineException failure) {
      throw explained(file, failure, facts.keySet());
    }
    return parse(file, tidy(text), placeholders);
  }

  /** The class path name of a template in a language. */
  String file(String template, String language) {
    return folder + template + "_" + language + ".txt";
  }

  private static Letter parse(String file, String text, Set<String> placeholders) {
    int lineEnd = text.indexOf('\n');
    String first = lineEnd < 0 ? text : text.substring(0, lineEnd);
    if (!first.startsWith(SUBJECT) || first.substring(SUBJECT.length()).isBlank()) {
      throw new LetterTemplateError(
          "Letter template " + file + " must begin with a line 'Subject: <the subject>'");
    }
    String subject = first.substring(SUBJECT.length()).strip();
    String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip();
    if (body.isEmpty()) {
      throw new LetterTemplateError(
          "Letter template " + file + " has no text after its subject line");
    }
    List<String> unknown = Placeholders.unknownIn(subject + "\n" + body, placeholders);
    if (!unknown.isEmpty()) {
      throw new LetterTemplateError(
          "Letter template "
              + file
              + " uses placeholder {{"
              + unknown.get(0)
              + "}}, which letters do not have; the placeholders are {{"
              + String.join("}}, {{", placeholders)
              + "}}");
    }
    return new Letter(subject, body + "\n");
  }

  /** The template's text with the line breaks after lines of block markup taken out. */
  private static String source(String file) {
    try (InputStream in = LetterTemplates.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new LetterTemplateError(
            "There is no letter template "
                + file
                + " on the class path; add it next to the others");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      return MARKUP_LINE.matcher(text).replaceAll("$1");
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Letter template " + file + " cannot be read", unreadable);
    }
  }

  private static String tidy(String text) {
    String lines = TRAILING_SPACE.matcher(text.replace("\r\n", "\n")).replaceAll("\n");
    return BLANK_LINES.matcher(lines).replaceAll("\n\n");
  }

  private static LetterTemplateError explained(
      String file, TemplateEngineException failure, Set<String> known) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StrictContextFactory.UnknownVariable unknown) {
        return new LetterTemplateError(
            "Letter template "
                + file
                + " names placeholder '"
                + unknown.name()
                + "', which letters do not have; the known ones are "
                + String.join(", ", known.stream().sorted().toList()),
            failure);
      }
    }
    return new LetterTemplateError(
        "Letter template " + file + " cannot be rendered: " + failure.getMessage(), failure);
  }
}
