package org.cutover.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable of the runbook: its name and the Java type of its value.
 *
 * @param <T> the type of the value
 */
record ProcessVariable<T>(String name, Class<T> type) {

  /**
   * The value seen from {@code scope} (its own or a parent's), or null when there is none. Whole
   * numbers are taken in any width: expressions and forms may give a Long where an Integer is
   * meant.
   */
  T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number && !type.isInstance(value)) {
      if (type == Integer.class) {
        return type.cast(Math.toIntExact(number.longValue()));
      }
      if (type == Long.class) {
        return type.cast(number.longValue());
      }
    }
    return type.cast(value);
  }

  T getOrDefault(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  /** The value, which must be there; a missing one is a modelling error. */
  T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new ProcessEngineException(
          "The process variable " + name + " is missing; the process was started without it");
    }
    return value;
  }

  /** Sets the value where the variable lives, or on the process instance when it is new. */
  void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  void remove(VariableScope scope) {
    scope.removeVariable(name);
  }
}
