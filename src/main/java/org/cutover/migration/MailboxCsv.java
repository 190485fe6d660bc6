package org.cutover.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cutover.secrets.SecretText;

/**
 * Reads a mailbox list: one mailbox per line, EmailAddress first, then optionally SourceLogin. A
 * header line is optional but needed for more columns or another order; it takes the columns of
 * Microsoft's IMAP migration CSV ({@code EmailAddress,UserName,Password}) and the same for an IMAP
 * target ({@code TargetUserName,TargetPassword}), DisplayName, and the ids of stored passwords
 * ({@code SourceCredentialId}, {@code TargetCredentialId}), and the mailbox's other addresses
 * ({@code Aliases}, separated by semicolons). Commas, semicolons or tabs separate the columns; a
 * value may be in double quotes.
 *
 * <p>Passwords are read only where they are stored at once ({@link #withPasswords}); the start
 * form, whose values the engine keeps, refuses the Password columns.
 */
final class MailboxCsv {

  /** What could not be read: the line and column where known, and what to do. */
  record Problem(Integer line, String column, String message) {

    /** The problem as a person reads it, in the current locale. */
    String text() {
      if (line == null) {
        return message;
      }
      return column == null
          ? RuleMessages.text("cutover.csv.line", String.valueOf(line), message)
          : RuleMessages.text("cutover.csv.cell", String.valueOf(line), column, message);
    }

    /** Where, for a problem detail's path: "line 3, column Password". */
    String where() {
      if (line == null) {
        return "csv";
      }
      return "line " + line + (column == null ? "" : ", column " + column);
    }
  }

  /** The mailboxes read, the line each one came from, and what could not be read. */
  record Parsed(List<MailboxEntry> mailboxes, List<Integer> lines, List<Problem> problems) {

    /** The problems as a person reads them. */
    List<String> problemTexts() {
      return problems.stream().map(Problem::text).toList();
    }
  }

  private enum Column {
    EMAIL,
    LOGIN,
    NAME,
    SOURCE_PASSWORD,
    SOURCE_CREDENTIAL,
    TARGET_LOGIN,
    TARGET_PASSWORD,
    TARGET_CREDENTIAL,
    ALIASES,
    /** A column that is refused or unknown; its values are not read. */
    UNREAD;

    boolean isPassword() {
      return this == SOURCE_PASSWORD || this == TARGET_PASSWORD;
    }
  }

  private final boolean passwords;
  private final List<Problem> problems = new ArrayList<>();
  private List<Column> columns;
  private List<String> headings;

  private MailboxCsv(boolean passwords) {
    this.passwords = passwords;
  }

  /** The start form's list: no password columns (their values would stay in the engine). */
  static Parsed parse(String text) {
    return new MailboxCsv(false).read(text);
  }

  /** A list whose passwords are stored encrypted as soon as it is read. */
  static Parsed withPasswords(String text) {
    return new MailboxCsv(true).read(text);
  }

  private Parsed read(String text) {
    List<MailboxEntry> mailboxes = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    Map<String, Integer> addresses = new HashMap<>();
    Map<String, Integer> sourceUsers = new HashMap<>();
    Map<String, Integer> targetUsers = new HashMap<>();
    String[] rows = text == null ? new String[0] : text.split("\r\n|\r|\n", -1);
    char delimiter = 0;
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
        problems.add(new Problem(line, null, RuleMessages.text("cutover.csv.quote")));
        continue;
      }
      if (columns == null) {
        if (isHeader(cells)) {
          header(cells, line);
          continue;
        }
        columns = List.of(Column.EMAIL, Column.LOGIN);
        headings = List.of("EmailAddress", "SourceLogin");
      }
      if (!columnCountFits(cells, line)) {
        continue;
      }
      Map<Column, String> values = new HashMap<>();
      for (int i = 0; i < columns.size() && i < cells.size(); i++) {
        if (columns.get(i) != Column.UNREAD) {
          values.put(columns.get(i), cells.get(i));
        }
      }
      int problemsBefore = problems.size();
      MailboxEntry mailbox =
          new MailboxEntry(
              values.get(Column.EMAIL),
              values.get(Column.LOGIN),
              values.get(Column.NAME),
              secret(values.get(Column.SOURCE_PASSWORD)),
              values.get(Column.SOURCE_CREDENTIAL),
              values.get(Column.TARGET_LOGIN),
              secret(values.get(Column.TARGET_PASSWORD)),
              values.get(Column.TARGET_CREDENTIAL),
              aliases(values.get(Column.ALIASES)));
      requirePasswords(values, line);
      if (mailbox.emailAddress() != null && !mailbox.emailAddress().isEmpty()) {
        once(addresses, mailbox.emailAddress(), line, Column.EMAIL);
        if (mailbox.sourceLogin() != null) {
          once(sourceUsers, mailbox.sourceUser(), line, Column.LOGIN);
        }
        if (mailbox.targetLogin() != null) {
          once(targetUsers, mailbox.targetUser(), line, Column.TARGET_LOGIN);
        }
      }
      if (problems.size() == problemsBefore) {
        mailboxes.add(mailbox);
        lines.add(line);
      }
    }
    if (mailboxes.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(null, null, RuleMessages.text("cutover.csv.empty")));
    }
    return new Parsed(mailboxes, lines, List.copyOf(problems));
  }

  /** More values than columns, or (with a password column) fewer: the line is not read. */
  private boolean columnCountFits(List<String> cells, int line) {
    if (cells.size() > columns.size()
        && !cells.subList(columns.size(), cells.size()).stream().allMatch(String::isBlank)) {
      problems.add(
          new Problem(
              line, null, RuleMessages.text("cutover.csv.columns", String.valueOf(cells.size()))));
      return false;
    }
    // A short line would shift nothing, but a password left off it must not go unnoticed.
    if (cells.size() < columns.size() && columns.stream().anyMatch(Column::isPassword)) {
      problems.add(
          new Problem(
              line,
              null,
              RuleMessages.text(
                  "cutover.csv.fewColumns",
                  String.valueOf(cells.size()),
                  String.valueOf(columns.size()))));
      return false;
    }
    return true;
  }

  /** A password column holds every user's password: a line without one is a mistake. */
  private void requirePasswords(Map<Column, String> values, int line) {
    password(values, Column.SOURCE_PASSWORD, Column.SOURCE_CREDENTIAL, line);
    password(values, Column.TARGET_PASSWORD, Column.TARGET_CREDENTIAL, line);
  }

  private void password(Map<Column, String> values, Column password, Column id, int line) {
    if (!columns.contains(password)) {
      return;
    }
    boolean given = !values.getOrDefault(password, "").isEmpty();
    boolean idGiven = !values.getOrDefault(id, "").isEmpty();
    if (given && idGiven) {
      problems.add(
          new Problem(line, heading(password), RuleMessages.text("cutover.csv.bothCredentials")));
    } else if (!given && !idGiven) {
      problems.add(
          new Problem(line, heading(password), RuleMessages.text("cutover.csv.passwordMissing")));
    }
  }

  private void once(Map<String, Integer> seen, String value, int line, Column column) {
    Integer first = seen.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), line);
    if (first != null) {
      problems.add(
          new Problem(
              line,
              heading(column),
              RuleMessages.text("cutover.csv.duplicate", value, String.valueOf(first))));
    }
  }

  private String heading(Column column) {
    return headings.get(columns.indexOf(column));
  }

  /** A cell of aliases: separated by semicolons (or commas or blanks, when the cell is quoted). */
  private static List<String> aliases(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(cell.strip().split("[;,\\s]+"))
        .filter(alias -> !alias.isEmpty())
        .toList();
  }

  private static SecretText secret(String value) {
    return value == null || value.isEmpty() ? null : SecretText.of(value);
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

  private void header(List<String> cells, int line) {
    columns = new ArrayList<>();
    headings = new ArrayList<>();
    boolean passwordRefused = false;
    for (String cell : cells) {
      Column column = columnNamed(cell);
      if (column == null) {
        problems.add(new Problem(line, null, RuleMessages.text("cutover.csv.unknownColumn", cell)));
        column = Column.UNREAD;
      } else if (column.isPassword() && !passwords) {
        if (!passwordRefused) {
          problems.add(new Problem(line, null, RuleMessages.text("cutover.csv.password")));
          passwordRefused = true;
        }
        column = Column.UNREAD;
      } else if (column != Column.UNREAD && columns.contains(column)) {
        problems.add(
            new Problem(
                line,
                cell,
                RuleMessages.text("cutover.csv.duplicate", cell, String.valueOf(line))));
        column = Column.UNREAD;
      }
      columns.add(column);
      headings.add(cell);
    }
    if (!columns.contains(Column.EMAIL)) {
      problems.add(new Problem(line, null, RuleMessages.text("cutover.csv.noEmail")));
    }
  }

  private static Column columnNamed(String heading) {
    String name = heading.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
    return switch (name) {
      case "emailaddress", "email", "mail" -> Column.EMAIL;
      case "sourcelogin", "username", "login", "sourceusername" -> Column.LOGIN;
      case "displayname", "name" -> Column.NAME;
      case "password", "sourcepassword" -> Column.SOURCE_PASSWORD;
      case "sourcecredentialid" -> Column.SOURCE_CREDENTIAL;
      case "targetusername", "targetlogin" -> Column.TARGET_LOGIN;
      case "targetpassword" -> Column.TARGET_PASSWORD;
      case "targetcredentialid" -> Column.TARGET_CREDENTIAL;
      case "aliases", "alias" -> Column.ALIASES;
      default -> null;
    };
  }

  private static String cellValue(StringBuilder cell, String inQuotes) {
    String value = cell.toString();
    return inQuotes != null
            && value.startsWith(inQuotes)
            && value.substring(inQuotes.length()).isBlank()
        ? inQuotes
        : value.strip();
  }

  /** The cells of one line; double quotes around a cell are removed, "" inside is one quote. */
  static List<String> cells(String row, char delimiter) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    // What stood in quotes is kept as it is (a password may begin or end with a blank).
    String inQuotes = null;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
          inQuotes = cell.toString();
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (c == delimiter) {
        cells.add(cellValue(cell, inQuotes));
        cell.setLength(0);
        inQuotes = null;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unclosed double quote");
    }
    cells.add(cellValue(cell, inQuotes));
    return cells;
  }
}
