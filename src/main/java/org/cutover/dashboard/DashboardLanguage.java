package org.cutover.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;

/**
 * The language a page is shown in: the one the page's switch chose ({@code ?lang=da} or {@code
 * en}), else the first of English and Danish the browser asks for, else English.
 */
final class DashboardLanguage {

  static final Locale DANISH = Locale.forLanguageTag("da");

  private DashboardLanguage() {}

  static Locale of(HttpServletRequest request) {
    String chosen = request.getParameter("lang");
    if ("da".equals(chosen)) {
      return DANISH;
    }
    if ("en".equals(chosen)) {
      return Locale.ENGLISH;
    }
    for (Locale asked : Collections.list(request.getLocales())) {
      if ("da".equals(asked.getLanguage())) {
        return DANISH;
      }
      if ("en".equals(asked.getLanguage())) {
        return Locale.ENGLISH;
      }
    }
    return Locale.ENGLISH;
  }

  /** The {@code lang} value a link carries on to keep a choice made with the switch. */
  static String chosen(HttpServletRequest request) {
    String chosen = request.getParameter("lang");
    return "da".equals(chosen) || "en".equals(chosen) ? chosen : null;
  }
}
