package org.cutover.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of a letter and their values. A letter as the administrator
 * sees it keeps them (a rendered template keeps {@code {{displayName}}} and {@code
 * {{emailAddress}}}; an edit may use every name listed here), and they are filled for each
 * recipient when the letter is sent. Names are letters and digits, case-sensitive; spaces inside
 * the braces are allowed ({@code {{ domain }}}).
 */
public final class Placeholders {

  /** The recipient's display name, or the address when the mailbox has none. */
  public static final String DISPLAY_NAME = "displayName";

  /** The recipient's mail address. */
  public static final String EMAIL_ADDRESS = "emailAddress";

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

  private final Map<String, String> values;

  /**
   * @param values every name a letter may use with its value; a null value is a name that is known
   *     but has no value yet (a letter using it cannot be sent)
   */
  public Placeholders(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The names a letter may use, in a fixed order. */
  public Set<String> names() {
    return values.keySet();
  }

  /** The same values with more (or other) names, e.g. one recipient's own. */
  public Placeholders with(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(values);
    all.putAll(more);
    return new Placeholders(all);
  }

  /** The names the text uses that have no value yet. */
  public List<String> withoutValue(String text) {
    return namesIn(text).stream()
        .filter(name -> values.containsKey(name) && values.get(name) == null)
        .toList();
  }

  /**
   * The text with every known placeholder replaced by its value; text in braces that names no known
   * placeholder stays as it is (edits and templates are checked with {@link #unknownIn}).
   *
   * @throws IllegalArgumentException when the text uses a known name that has no value (check with
   *     {@link #withoutValue} first)
   */
  public String fill(String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder(text.length() + 64);
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.containsKey(name) ? values.get(name) : matcher.group();
      if (value == null) {
        throw new IllegalArgumentException("Placeholder {{" + name + "}} has no value");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** The distinct names the text uses, in the order they first appear. */
  public static List<String> namesIn(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return new ArrayList<>(names);
  }

  /** The names the text uses that are not among {@code known}. */
  public static List<String> unknownIn(String text, Set<String> known) {
    return namesIn(text).stream().filter(name -> !known.contains(name)).toList();
  }

  /**
   * Whether braces are left over once the placeholders are taken out: a misspelt placeholder such
   * as {@code {{display name}}} or {@code {{domain}}} with one brace missing.
   */
  public static boolean hasStrayBraces(String text) {
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    return rest.contains("{{") || rest.contains("}}");
  }
}
