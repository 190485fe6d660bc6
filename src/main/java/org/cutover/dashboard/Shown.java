package org.cutover.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cutover.migration.reports.ReportPage;

/** Values as the dashboard shows them: times in UTC with the zone named, sizes in KiB, MiB... */
public final class Shown {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ReportPage.Shown report = new ReportPage.Shown();
  private final Locale language;

  Shown(Locale language) {
    this.language = language;
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public String local(java.time.ZonedDateTime time) {
    return time == null ? "" : LOCAL.format(time) + " " + time.getZone().getId();
  }

  public String bytes(long bytes) {
    return report.bytes(bytes);
  }

  public String number(long number) {
    return String.format(language, "%,d", number);
  }

  /** {@code part} of {@code whole} in whole percent; 0 when the whole is not known. */
  public long percent(long part, long whole) {
    return whole <= 0 ? 0 : Math.min(100, part * 100 / whole);
  }
}
