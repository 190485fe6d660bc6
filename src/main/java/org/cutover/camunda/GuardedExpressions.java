package org.cutover.camunda;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;

/**
 * Camunda's expression language with the given beans, and without the ways out of it: no {@code
 * getClass()} (and so no reflection), no class loaders, threads or processes, and no way from an
 * execution or a task to the engine, its configuration or the application behind it. A model that
 * tries fails with a message saying so.
 */
class GuardedExpressions extends JuelExpressionManager {

  GuardedExpressions(Map<Object, Object> beans) {
    super(beans);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new WayOutRefused());
    resolver.add(super.createElResolver());
    return resolver;
  }

  /** Refuses, before any other resolver is asked, to step from a value to what is off limits. */
  static final class WayOutRefused extends ELResolver {

    private static final Set<String> NAMES =
        Set.of(
            "class",
            "getClass",
            "classLoader",
            "getClassLoader",
            "processEngine",
            "getProcessEngine",
            "processEngineServices",
            "getProcessEngineServices",
            "processEngineConfiguration",
            "getProcessEngineConfiguration");

    private static final Set<Class<?>> TYPES =
        Set.of(
            Class.class,
            ClassLoader.class,
            Module.class,
            Thread.class,
            Runtime.class,
            ProcessBuilder.class,
            System.class,
            ProcessEngine.class,
            ProcessEngineServices.class,
            ProcessEngineConfiguration.class,
            BeanFactory.class,
            Environment.class);

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      refuseWayOut(base, property);
      return null;
    }

    @Override
    public Object invoke(
        ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      refuseWayOut(base, method);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      refuseWayOut(base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      refuseWayOut(base, property);
      return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return false;
    }

    @Override
    public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(
        ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }

    private static void refuseWayOut(Object base, Object property) {
      if (base == null) {
        return;
      }
      boolean offLimits =
          NAMES.contains(String.valueOf(property))
              || TYPES.stream().anyMatch(type -> type.isInstance(base));
      if (offLimits) {
        throw new ELException(
            "'"
                + property
                + "' is not available in process expressions: they may use process variables"
                + " and the runbook's beans only");
      }
    }
  }
}
