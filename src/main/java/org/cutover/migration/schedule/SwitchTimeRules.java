package org.cutover.migration.schedule;

import java.text.MessageFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Checks a switch time as given: every part present, a known zone, a time that exists in it (not
 * skipped by a clock change), in the future and not before the earliest moment the old MX TTL
 * allows. Messages come from {@code ValidationMessages} in the request's language.
 */
final class SwitchTimeRules {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");

  private SwitchTimeRules() {}

  /**
   * @return the instant and zone of a time that keeps every rule
   * @throws RejectedSettings naming each broken rule
   */
  static ZonedDateTime check(SwitchTime time, String path, Instant now, Instant earliest) {
    List<SettingsProblem> problems = new ArrayList<>();
    if (time == null) {
      throw new RejectedSettings(
          List.of(new SettingsProblem(path, text("cutover.switch.missing"))));
    }
    if (time.date() == null) {
      problems.add(new SettingsProblem(path + ".date", text("cutover.switch.date.missing")));
    }
    if (time.time() == null) {
      problems.add(new SettingsProblem(path + ".time", text("cutover.switch.time.missing")));
    }
    ZoneId zone = null;
    if (time.zone() == null || time.zone().isBlank()) {
      problems.add(new SettingsProblem(path + ".zone", text("cutover.switch.zone.missing")));
    } else {
      try {
        zone = ZoneId.of(time.zone().strip());
      } catch (DateTimeException unknown) {
        problems.add(new SettingsProblem(path + ".zone", text("cutover.switch.zone.unknown")));
      }
    }
    if (!problems.isEmpty()) {
      throw new RejectedSettings(problems);
    }
    LocalDateTime local = LocalDateTime.of(time.date(), time.time().withSecond(0).withNano(0));
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      throw new RejectedSettings(
          List.of(new SettingsProblem(path + ".time", text("cutover.switch.time.skipped"))));
    }
    ZonedDateTime at = local.atZone(zone);
    if (!at.toInstant().isAfter(now)) {
      throw new RejectedSettings(
          List.of(new SettingsProblem(path + ".date", text("cutover.switch.past"))));
    }
    if (at.toInstant().isBefore(earliest)) {
      throw new RejectedSettings(
          List.of(
              new SettingsProblem(
                  path + ".time",
                  text("cutover.switch.tooEarly", SHOWN.format(earliest.atZone(zone))))));
    }
    return at;
  }

  static String text(String key, Object... arguments) {
    Locale locale = LocaleContextHolder.getLocale();
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "ValidationMessages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern = bundle.getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}
