package org.cutover.migration;

/** Tidies text as it arrives in settings: surrounding blanks removed, blank means absent. */
final class SettingsText {

  private SettingsText() {}

  static String strip(String text) {
    return text == null ? null : text.strip();
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
