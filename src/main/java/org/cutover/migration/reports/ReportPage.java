package org.cutover.migration.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A report as a page a person reads, in English or Danish: the template {@code
 * reports/migration-report.html} with its texts in {@code migration-report[_da].properties} beside
 * it. Everything shown is escaped by Thymeleaf.
 */
public final class ReportPage {

  private static final TemplateEngine ENGINE = engine();

  private ReportPage() {}

  /** The whole migration's report. */
  public static String render(MigrationReport report, Locale locale) {
    return render(report, report.mailboxes(), locale);
  }

  /** The migration's report for some of its mailboxes only. */
  public static String render(
      MigrationReport report, List<MailboxReport> mailboxes, Locale locale) {
    MigrationReport shownReport =
        new MigrationReport(
            report.migrationId(),
            report.domain(),
            report.batchName(),
            report.phase(),
            report.batchStatus(),
            report.language(),
            report.createdAt(),
            mailboxes);
    Locale language =
        "da".equals(locale.getLanguage()) ? Locale.forLanguageTag("da") : Locale.ENGLISH;
    Context context = new Context(language);
    context.setVariable("report", shownReport);
    context.setVariable("language", language.getLanguage());
    context.setVariable("shown", new Shown());
    return ENGINE.process("migration-report", context);
  }

  /** Values as the page shows them. */
  public static final class Shown {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
      return instant == null ? "" : TIME.format(instant);
    }

    public String bytes(long bytes) {
      if (bytes < 1024) {
        return bytes + " B";
      }
      String[] units = {"KiB", "MiB", "GiB", "TiB"};
      double value = bytes;
      int unit = -1;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
  }

  private static TemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("reports/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
