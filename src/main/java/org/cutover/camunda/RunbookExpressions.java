package org.cutover.camunda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Expressions in process models see only the beans the runbook's own models name (the models in
 * {@code bpmn/} on the class path, read at start-up), not the whole application: Camunda's Spring
 * integration would otherwise resolve every bean by name, {@code environment} (and with it the
 * secrets key) included. {@link GuardedExpressions} also keeps them from reflection and from the
 * engine's internals.
 */
@Component
class RunbookExpressions extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(RunbookExpressions.class);
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|&quot;.*?&quot;");

  /** An identifier that is not a property or method of something before it. */
  private static final Pattern FIRST_NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");

  private final ApplicationContext context;

  RunbookExpressions(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Set<String> names =
        namesInModels().stream().filter(context::containsBean).collect(Collectors.toSet());
    NamedBeans beans = new NamedBeans(context, names);
    log.info("Process expressions may use the beans {}", new TreeSet<>(names));
    configuration.setBeans(beans);
    configuration.setExpressionManager(new GuardedExpressions(beans));
  }

  /** Every name an expression in the runbook's models starts from. */
  static Set<String> namesInModels() {
    Set<String> names = new TreeSet<>();
    try {
      for (Resource model :
          new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
        try (InputStream in = model.getInputStream()) {
          names.addAll(namesIn(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models under bpmn/", e);
    }
    return names;
  }

  static Set<String> namesIn(String model) {
    Set<String> names = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(model);
    while (expression.find()) {
      String withoutStrings = QUOTED.matcher(expression.group(1)).replaceAll("''");
      Matcher name = FIRST_NAME.matcher(withoutStrings);
      while (name.find()) {
        names.add(name.group(1));
      }
    }
    return names;
  }

  /** The named beans, each looked up only when an expression asks for it. */
  static final class NamedBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private final Set<String> names;

    NamedBeans(ApplicationContext context, Set<String> names) {
      this.context = context;
      this.names = Set.copyOf(names);
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names.contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Set<Entry<Object, Object>> entries = new java.util.HashSet<>();
      names.forEach(name -> entries.add(new SimpleImmutableEntry<>(name, get(name))));
      return Set.copyOf(entries);
    }
  }
}
