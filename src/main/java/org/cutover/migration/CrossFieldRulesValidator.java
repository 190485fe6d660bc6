package org.cutover.migration;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;

/** Runs a record's {@link CrossFieldRules} as a Bean Validation constraint. */
public class CrossFieldRulesValidator
    implements ConstraintValidator<ConsistentSettings, CrossFieldRules> {

  @Override
  public boolean isValid(CrossFieldRules settings, ConstraintValidatorContext context) {
    if (settings == null) {
      return true;
    }
    RuleViolations violations = new RuleViolations();
    settings.check(violations);
    if (violations.entries().isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (RuleViolations.Entry entry : violations.entries()) {
      ConstraintViolationBuilder builder =
          context.buildConstraintViolationWithTemplate(entry.template());
      String[] parts = entry.property().split("\\.");
      NodeBuilderCustomizableContext node = builder.addPropertyNode(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        node = node.addPropertyNode(parts[i]);
      }
      if (entry.index() != null) {
        node.addPropertyNode(entry.leaf())
            .inIterable()
            .atIndex(entry.index())
            .addConstraintViolation();
      } else {
        node.addConstraintViolation();
      }
    }
    return false;
  }
}
