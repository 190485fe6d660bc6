package org.cutover.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;

/**
 * Mailboxes by status as a horizontal bar chart, drawn as inline SVG by the template: one bar per
 * status the batch has, as long as its share of the largest.
 */
public record StatusChart(int width, int height, List<Bar> bars) {

  static final int LABEL_WIDTH = 190;
  static final int BAR_AREA = 330;
  static final int ROW = 26;

  /** One status: its bar's geometry, count and the CSS class of its colour. */
  public record Bar(MailboxStatus status, long count, int y, int length, String css) {

    public int textY() {
      return y + 15;
    }

    public int countX() {
      return LABEL_WIDTH + length + 6;
    }
  }

  static StatusChart of(List<MailboxState> mailboxes) {
    Map<MailboxStatus, Long> counts = new EnumMap<>(MailboxStatus.class);
    mailboxes.forEach(m -> counts.merge(m.status(), 1L, Long::sum));
    long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = 4;
    for (Map.Entry<MailboxStatus, Long> count : counts.entrySet()) {
      int length = largest == 0 ? 0 : (int) Math.max(2, count.getValue() * BAR_AREA / largest);
      bars.add(new Bar(count.getKey(), count.getValue(), y, length, css(count.getKey())));
      y += ROW;
    }
    return new StatusChart(LABEL_WIDTH + BAR_AREA + 60, y + 4, bars);
  }

  public int labelWidth() {
    return LABEL_WIDTH;
  }

  static String css(MailboxStatus status) {
    return switch (status) {
      case SYNCED -> "ok";
      case SYNCED_WITH_ERRORS -> "warn";
      case FAILED -> "bad";
      case SYNCING, INCREMENTAL_SYNCING -> "busy";
      case QUEUED, PROVISIONING -> "waiting";
      case STOPPED, REMOVED -> "gone";
    };
  }
}
