package org.cutover.migration;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Texts of the settings rules that are not constraint messages (CSV lines, warnings), from the same
 * bundle as those ({@code ValidationMessages}), in the current locale.
 */
final class RuleMessages {

  private RuleMessages() {}

  static String text(String key, Object... arguments) {
    return text(LocaleContextHolder.getLocale(), key, arguments);
  }

  static String text(Locale locale, String key, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "ValidationMessages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern = bundle.getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}
