package org.cutover.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An SPF record (RFC 7208) as its terms: the version {@code v=spf1}, mechanisms with an optional
 * qualifier, and modifiers ({@code name=value}).
 */
record SpfRecord(List<String> terms) {

  /** RFC 7208 §4.6.4: at most 10 terms that cause DNS look-ups. */
  static final int MAX_DNS_LOOKUPS = 10;

  private static final Set<String> MECHANISMS =
      Set.of("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists");
  private static final Set<String> LOOKUP_MECHANISMS =
      Set.of("include", "a", "mx", "ptr", "exists");

  SpfRecord {
    terms = List.copyOf(terms);
  }

  /** Whether a TXT text is an SPF record ({@code v=spf1} alone or followed by a space). */
  static boolean isSpf(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    return lower.equals("v=spf1") || lower.startsWith("v=spf1 ");
  }

  static SpfRecord parse(String text) {
    if (!isSpf(text)) {
      throw new IllegalArgumentException("'" + text + "' is not an SPF record");
    }
    return new SpfRecord(List.of(text.strip().split("\\s+")));
  }

  /** {@code v=spf1 include:<domain> -all}. */
  static SpfRecord only(String include) {
    return new SpfRecord(List.of("v=spf1", "include:" + include, "-all"));
  }

  String text() {
    return String.join(" ", terms);
  }

  /**
   * Whether the record already passes mail of {@code domain}'s include ({@code +} or no qualifier).
   */
  boolean includes(String domain) {
    for (String term : terms) {
      String bare = term.startsWith("+") ? term.substring(1) : term;
      if (bare.equalsIgnoreCase("include:" + domain)) {
        return true;
      }
    }
    return false;
  }

  /** A term that names {@code domain}'s include with another qualifier (-, ~, ?), if any. */
  java.util.Optional<String> includeWithOtherQualifier(String domain) {
    for (String term : terms) {
      if (term.length() > 1
          && "-~?".indexOf(term.charAt(0)) >= 0
          && term.substring(1).equalsIgnoreCase("include:" + domain)) {
        return java.util.Optional.of(term);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The record with {@code include:<domain>} added before the {@code all} mechanism (terms after
   * {@code all} are never evaluated), else after the last mechanism; every other term kept.
   */
  SpfRecord withInclude(String domain) {
    int position = -1;
    int lastMechanism = 0;
    for (int i = 1; i < terms.size(); i++) {
      String name = mechanism(terms.get(i));
      if (name == null) {
        continue;
      }
      lastMechanism = i;
      if (name.equals("all") && position < 0) {
        position = i;
      }
    }
    if (position < 0) {
      position = lastMechanism + 1;
    }
    List<String> merged = new ArrayList<>(terms);
    merged.add(position, "include:" + domain);
    return new SpfRecord(merged);
  }

  /** How many terms cause DNS look-ups (include, a, mx, ptr, exists, redirect). */
  int dnsLookups() {
    int count = 0;
    for (int i = 1; i < terms.size(); i++) {
      String term = terms.get(i);
      String name = mechanism(term);
      if (name != null && LOOKUP_MECHANISMS.contains(name)) {
        count++;
      } else if (term.toLowerCase(Locale.ROOT).startsWith("redirect=")) {
        count++;
      }
    }
    return count;
  }

  /** The mechanism's name, or null for a modifier or the version. */
  private static String mechanism(String term) {
    String bare = !term.isEmpty() && "+-~?".indexOf(term.charAt(0)) >= 0 ? term.substring(1) : term;
    int end = bare.length();
    for (int i = 0; i < bare.length(); i++) {
      char c = bare.charAt(i);
      if (c == ':' || c == '/') {
        end = i;
        break;
      }
      if (c == '=') {
        return null;
      }
    }
    String name = bare.substring(0, end).toLowerCase(Locale.ROOT);
    return MECHANISMS.contains(name) ? name : null;
  }
}
