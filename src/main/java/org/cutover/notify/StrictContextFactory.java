package org.cutover.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.EngineContext;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.engine.TemplateData;

/**
 * Contexts in which an expression naming a variable that was never given fails, instead of quietly
 * printing nothing: a template with a misspelt placeholder cannot send a letter with a hole in it.
 */
final class StrictContextFactory implements IEngineContextFactory {

  /** An expression named a variable the context does not hold. */
  static final class UnknownVariable extends RuntimeException {

    private final String name;

    UnknownVariable(String name) {
      super("Unknown variable " + name);
      this.name = name;
    }

    String name() {
      return name;
    }
  }

  @Override
  public IEngineContext createEngineContext(
      IEngineConfiguration configuration,
      TemplateData templateData,
      Map<String, Object> templateResolutionAttributes,
      IContext context) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : context.getVariableNames()) {
      variables.put(name, context.getVariable(name));
    }
    return new StrictEngineContext(
        configuration, templateData, templateResolutionAttributes, context, variables);
  }

  private static final class StrictEngineContext extends EngineContext {

    StrictEngineContext(
        IEngineConfiguration configuration,
        TemplateData templateData,
        Map<String, Object> templateResolutionAttributes,
        IContext context,
        Map<String, Object> variables) {
      super(
          configuration,
          templateData,
          templateResolutionAttributes,
          context.getLocale(),
          variables);
    }

    @Override
    public Object getVariable(String key) {
      if (!containsVariable(key)) {
        throw new UnknownVariable(key);
      }
      return super.getVariable(key);
    }
  }
}
