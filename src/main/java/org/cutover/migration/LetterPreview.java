package org.cutover.migration;

import java.util.List;

/**
 * A letter as its recipients will read it, in the migration's language, with {@code
 * {{displayName}}} and {@code {{emailAddress}}} still in place (they are filled for each
 * recipient).
 *
 * @param letter the letter's name, e.g. {@code announcement}
 * @param edited whether the administrator's own text replaces the template's
 * @param editable whether it may still be edited (no recipient's letter has been sent yet)
 * @param placeholders the {@code {{name}}} placeholders an edit may use
 */
public record LetterPreview(
    String letter,
    String language,
    String subject,
    String body,
    boolean edited,
    boolean editable,
    List<String> placeholders) {}
