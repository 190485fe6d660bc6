package org.cutover.dns;

import java.util.List;
import java.util.Optional;

/**
 * What every authoritative server of a zone answers for one name and type. {@link #settled()} says
 * whether the servers that answered agree.
 */
public record AuthoritativeView(
    String name, RecordType type, List<ServerAnswer> answers, Optional<String> problem) {

  public AuthoritativeView {
    answers = List.copyOf(answers);
  }

  static AuthoritativeView failed(String name, RecordType type, String problem) {
    return new AuthoritativeView(name, type, List.of(), Optional.of(problem));
  }

  /** What the servers agree on, when every server that gave a definite answer says the same. */
  public sealed interface Agreement {}

  /** They agree the record set is this one (TTL included). */
  public record Present(RecordSet records) implements Agreement {}

  /** They agree there is no such record set (the name is absent, has no such type, or an alias). */
  public record Absent() implements Agreement {}

  /** No server gave a definite answer, or the servers disagree. */
  public record Unsettled(String detail) implements Agreement {}

  public Agreement settled() {
    if (problem.isPresent()) {
      return new Unsettled(problem.get());
    }
    Optional<RecordSet> seen = null;
    boolean disagree = false;
    for (ServerAnswer answer : answers) {
      Optional<RecordSet> here;
      if (answer instanceof ServerAnswer.Records records) {
        here = Optional.of(records.records());
      } else if (answer instanceof ServerAnswer.NoRecords
          || answer instanceof ServerAnswer.NoSuchName
          || answer instanceof ServerAnswer.Alias) {
        here = Optional.empty();
      } else {
        continue;
      }
      if (seen == null) {
        seen = here;
      } else if (!seen.equals(here)) {
        disagree = true;
      }
    }
    if (seen == null) {
      return new Unsettled("no authoritative server gave an answer: " + describe());
    }
    if (disagree) {
      return new Unsettled("the authoritative servers disagree: " + describe());
    }
    return seen.<Agreement>map(Present::new).orElseGet(Absent::new);
  }

  /** One line per server. */
  public String describe() {
    if (problem.isPresent()) {
      return problem.get();
    }
    return String.join("\n", answers.stream().map(ServerAnswer::describe).toList());
  }
}
