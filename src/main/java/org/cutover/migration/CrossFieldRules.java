package org.cutover.migration;

/** A settings record that checks rules spanning several of its fields. */
interface CrossFieldRules {

  /** Adds one violation per broken rule, on the field the administrator must fix. */
  void check(RuleViolations violations);
}
