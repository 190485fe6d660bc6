package org.cutover.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The letters Cutover writes, each from its own template, and to whom each goes. */
public enum LetterKind {
  /** To every user before anything changes: what will happen, when, and whom to ask. */
  ANNOUNCEMENT("announcement", Audience.USERS, true),
  /** To every user after the switch: where to sign in, what to set up in Outlook and on phones. */
  WELCOME("welcome", Audience.USERS, true),
  /** To every user the announcement reached, when the migration is cancelled: the move is off. */
  CANCELLATION("cancellation", Audience.USERS, true),
  /** To the administrator before the licence deadline. */
  LICENCE_REMINDER("licence-reminder", Audience.ADMINISTRATOR, true),
  /**
   * To every user when the planned switch is set after the announcement, or moved: the new time.
   */
  SWITCH_UPDATE("switch-update", Audience.USERS, false),
  /** To every user shortly before the planned switch: when it happens. */
  SWITCH_REMINDER("switch-reminder", Audience.USERS, false),
  /** To the administrator: users the announcement did not reach, or may not have reached. */
  ANNOUNCEMENT_REPORT("delivery-report", Audience.ADMINISTRATOR, false),
  /** To the administrator: users the welcome letter did not reach, or may not have reached. */
  WELCOME_REPORT("delivery-report", Audience.ADMINISTRATOR, false),
  /** To the administrator: users the cancellation letter did not reach, or may not have. */
  CANCELLATION_REPORT("delivery-report", Audience.ADMINISTRATOR, false);

  /** Who receives a letter. */
  public enum Audience {
    USERS,
    ADMINISTRATOR
  }

  private final String template;
  private final Audience audience;
  private final boolean editable;

  LetterKind(String template, Audience audience, boolean editable) {
    this.template = template;
    this.audience = audience;
    this.editable = editable;
  }

  /** The template's base name, {@code letters/<template>_<language>.txt}. */
  public String template() {
    return template;
  }

  public Audience audience() {
    return audience;
  }

  /** Whether an administrator may see and edit the letter before it is sent. */
  public boolean editable() {
    return editable;
  }

  /** The name in URLs and messages: {@code announcement}, {@code licence-reminder}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The editable letter with this slug. */
  public static Optional<LetterKind> editableBySlug(String slug) {
    return Arrays.stream(values())
        .filter(kind -> kind.editable && kind.slug().equals(slug))
        .findFirst();
  }

  /** The slugs of the editable letters, for messages that list the choices. */
  public static String editableSlugs() {
    return String.join(
        ", ", Arrays.stream(values()).filter(LetterKind::editable).map(LetterKind::slug).toList());
  }
}
