package org.cutover.migration;

/**
 * One broken rule of the migration settings.
 *
 * @param path where, as a JSON path into the request ({@code $.mailboxes[3].emailAddress})
 * @param message what is wrong and what to do, without the value given
 */
public record SettingsProblem(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
