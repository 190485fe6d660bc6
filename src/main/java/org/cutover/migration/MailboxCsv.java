package org.cutover.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the mailbox list of the start form: one mailbox per line, EmailAddress first, then
 * optionally SourceLogin and DisplayName. A header line is optional but needed for more than two
 * columns or another column order. Commas, semicolons or tabs separate the columns; a value may be
 * in double quotes. A Password column is refused.
 */
final class MailboxCsv {

  /** The mailboxes read, the line each one came from, and what could not be read. */
  record Parsed(List<MailboxEntry> mailboxes, List<Integer> lines, List<String> problems) {}

  private enum Column {
    EMAIL,
    LOGIN,
    NAME,
    /** A column that is refused or unknown; its values are not read. */
    UNREAD
  }

  private MailboxCsv() {}

  static Parsed parse(String text) {
    List<MailboxEntry> mailboxes = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] rows = text == null ? new String[0] : text.split("\r\n|\r|\n", -1);
    char delimiter = 0;
    List<Column> columns = null;
    for (int index = 0; index < rows.length; index++) {
      int line = index + 1;
      String row = rows[index];
      if (row.isBlank()) {
        continue;
      }
      if (delimiter == 0) {
        delimiter = delimiterOf(row);
      }
      List<String> cells;
      try {
        cells = cells(row, delimiter);
      } catch (IllegalArgumentException unclosedQuote) {
        problems.add(lineProblem(line, RuleMessages.text("cutover.csv.quote")));
        continue;
      }
      if (columns == null) {
        if (isHeader(cells)) {
          columns = header(cells, line, problems);
          continue;
        }
        columns = List.of(Column.EMAIL, Column.LOGIN);
      }
      if (cells.size() > columns.size()
          && !cells.subList(columns.size(), cells.size()).stream().allMatch(String::isBlank)) {
        problems.add(
            lineProblem(
                line, RuleMessages.text("cutover.csv.columns", String.valueOf(cells.size()))));
        continue;
      }
      String email = null;
      String login = null;
      String name = null;
      for (int i = 0; i < columns.size() && i < cells.size(); i++) {
        switch (columns.get(i)) {
          case EMAIL -> email = cells.get(i);
          case LOGIN -> login = cells.get(i);
          case NAME -> name = cells.get(i);
          case UNREAD -> {}
        }
      }
      mailboxes.add(new MailboxEntry(email, login, name));
      lines.add(line);
    }
    if (mailboxes.isEmpty() && problems.isEmpty()) {
      problems.add(RuleMessages.text("cutover.csv.empty"));
    }
    return new Parsed(mailboxes, lines, problems);
  }

  private static String lineProblem(int line, String message) {
    return RuleMessages.text("cutover.csv.line", String.valueOf(line), message);
  }

  private static char delimiterOf(String row) {
    if (row.indexOf(',') < 0 && row.indexOf(';') >= 0) {
      return ';';
    }
    if (row.indexOf(',') < 0 && row.indexOf('\t') >= 0) {
      return '\t';
    }
    return ',';
  }

  private static boolean isHeader(List<String> cells) {
    return !cells.get(0).contains("@");
  }

  private static List<Column> header(List<String> cells, int line, List<String> problems) {
    List<Column> columns = new ArrayList<>();
    for (String cell : cells) {
      String name = cell.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
      switch (name) {
        case "emailaddress", "email", "mail" -> columns.add(Column.EMAIL);
        case "sourcelogin", "username", "login" -> columns.add(Column.LOGIN);
        case "displayname", "name" -> columns.add(Column.NAME);
        case "password" -> {
          problems.add(lineProblem(line, RuleMessages.text("cutover.csv.password")));
          columns.add(Column.UNREAD);
        }
        default -> {
          problems.add(lineProblem(line, RuleMessages.text("cutover.csv.unknownColumn", cell)));
          columns.add(Column.UNREAD);
        }
      }
    }
    if (!columns.contains(Column.EMAIL)) {
      problems.add(lineProblem(line, RuleMessages.text("cutover.csv.noEmail")));
    }
    return columns;
  }

  /** The cells of one line; double quotes around a cell are removed, "" inside is one quote. */
  static List<String> cells(String row, char delimiter) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (c == delimiter) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unclosed double quote");
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
