package org.cutover.directory;

/** The directory could not be read; the message says what failed and what to do. */
public class DirectoryProblem extends RuntimeException {

  /** Where in the request the problem lies (e.g. {@code $.url}), or null. */
  private final String field;

  DirectoryProblem(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  DirectoryProblem(String field, String message) {
    this(field, message, null);
  }

  public String field() {
    return field;
  }
}
