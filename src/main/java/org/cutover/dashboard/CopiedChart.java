package org.cutover.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cutover.migration.reports.PassHistory;

/**
 * The batch's messages and data copied over time as two line charts above one time axis, drawn as
 * inline SVG by the template: each line climbs to what had been copied by the end of each bucket of
 * {@link CopiedOverTime}. Drawn only with two passes or more that copied something; otherwise the
 * page says how things stand in words.
 */
public record CopiedChart(
    int passes,
    Instant firstStarted,
    Instant lastEnded,
    long messages,
    long bytes,
    Step step,
    long messagesTop,
    long bytesTop,
    Panel messagesPanel,
    Panel bytesPanel,
    List<Tick> ticks) {

  static final int MOST_BUCKETS = 60;
  static final int WIDTH = 600;
  static final int HEIGHT = 318;
  static final int LEFT = 86;
  static final int RIGHT = 16;
  static final int PLOT_HEIGHT = 100;
  static final int MESSAGES_TOP = 28;
  static final int BYTES_TOP = 172;
  static final int TICKS_Y = 292;

  /** A bucket's width in the unit it reads best in: {@code unit} is minutes, hours or days. */
  public record Step(long count, String unit) {

    static Step of(Duration width) {
      if (width.toDays() > 0 && width.toHours() % 24 == 0) {
        return new Step(width.toDays(), "days");
      }
      if (width.toHours() > 0 && width.toMinutes() % 60 == 0) {
        return new Step(width.toHours(), "hours");
      }
      return new Step(width.toMinutes(), "minutes");
    }
  }

  /**
   * One line chart: messages (or else bytes), its plot area, the value at its top, its line and the
   * area under it.
   */
  public record Panel(
      boolean messages, int top, int bottom, long highest, String line, String area) {

    public String css() {
      return messages ? "panel messages" : "panel bytes";
    }

    public int titleY() {
      return top - 10;
    }

    public int topLabelY() {
      return top + 4;
    }

    public int bottomLabelY() {
      return bottom + 4;
    }
  }

  /** A time on the axis and where it stands; {@code anchor} is the SVG text-anchor. */
  public record Tick(int x, Instant at, String anchor) {}

  static CopiedChart of(PassHistory history) {
    CopiedOverTime buckets = CopiedOverTime.of(history, MOST_BUCKETS);
    long messagesTop = roundUp(buckets.messages(), 1000);
    long bytesTop = roundUp(buckets.bytes(), 1024);
    Panel messagesPanel =
        panel(buckets, true, MESSAGES_TOP, messagesTop, CopiedOverTime.Bucket::messagesSoFar);
    Panel bytesPanel =
        panel(buckets, false, BYTES_TOP, bytesTop, CopiedOverTime.Bucket::bytesSoFar);
    return new CopiedChart(
        history.passes(),
        history.firstStarted(),
        history.lastEnded(),
        buckets.messages(),
        buckets.bytes(),
        Step.of(buckets.width()),
        messagesTop,
        bytesTop,
        messagesPanel,
        bytesPanel,
        ticks(buckets));
  }

  /** Whether there is anything to draw: two passes or more, and something copied. */
  public boolean drawn() {
    return passes >= 2 && (messages > 0 || bytes > 0);
  }

  /** The two charts, messages above data. */
  public List<Panel> panels() {
    return List.of(messagesPanel, bytesPanel);
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }

  public int left() {
    return LEFT;
  }

  public int right() {
    return WIDTH - RIGHT;
  }

  public int labelX() {
    return LEFT - 8;
  }

  public int ticksY() {
    return TICKS_Y;
  }

  public int axisTitleY() {
    return TICKS_Y + 20;
  }

  public int middle() {
    return LEFT + (WIDTH - LEFT - RIGHT) / 2;
  }

  private interface SoFar {
    long of(CopiedOverTime.Bucket bucket);
  }

  private static Panel panel(
      CopiedOverTime buckets, boolean messages, int top, long highest, SoFar soFar) {
    int bottom = top + PLOT_HEIGHT;
    if (buckets.buckets().isEmpty()) {
      return new Panel(messages, top, bottom, highest, "", "");
    }
    List<String> points = new ArrayList<>();
    points.add(point(x(buckets, buckets.start()), bottom));
    for (CopiedOverTime.Bucket bucket : buckets.buckets()) {
      double y = bottom - (double) soFar.of(bucket) / highest * PLOT_HEIGHT;
      points.add(point(x(buckets, bucket.end()), y));
    }
    String line = String.join(" ", points);
    String area = line + " " + point(WIDTH - RIGHT, bottom);
    return new Panel(messages, top, bottom, highest, line, area);
  }

  private static List<Tick> ticks(CopiedOverTime buckets) {
    if (buckets.buckets().isEmpty()) {
      return List.of();
    }
    List<Tick> ticks = new ArrayList<>();
    ticks.add(new Tick(LEFT, buckets.start(), "start"));
    int count = buckets.buckets().size();
    if (count >= 4) {
      Instant middle = buckets.buckets().get(count / 2).start();
      ticks.add(new Tick((int) Math.round(x(buckets, middle)), middle, "middle"));
    }
    ticks.add(new Tick(WIDTH - RIGHT, buckets.end(), "end"));
    return ticks;
  }

  private static double x(CopiedOverTime buckets, Instant at) {
    double span = Duration.between(buckets.start(), buckets.end()).toSeconds();
    double from = Duration.between(buckets.start(), at).toSeconds();
    return LEFT + from / span * (WIDTH - LEFT - RIGHT);
  }

  private static String point(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
  }

  /**
   * The round value the axis ends at: 1, 2 or 5 times a power of ten of the unit the value reads in
   * ({@code 1000} for counts, {@code 1024} for bytes: 2 MiB rather than 2,097,152 bytes).
   */
  static long roundUp(long value, long base) {
    if (value <= 1) {
      return 1;
    }
    long unit = 1;
    while (value / unit >= base && unit <= Long.MAX_VALUE / base) {
      unit *= base;
    }
    long decade = 1;
    while (decade * 10 * unit <= value && decade <= Long.MAX_VALUE / 10 / unit) {
      decade *= 10;
    }
    for (long step : new long[] {1, 2, 5, 10}) {
      if (step * decade * unit >= value) {
        return step * decade * unit;
      }
    }
    return value;
  }
}
