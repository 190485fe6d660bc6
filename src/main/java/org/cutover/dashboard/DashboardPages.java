package org.cutover.dashboard;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the dashboard's templates ({@code dashboard/*.html}) with the texts of {@code
 * dashboard/messages[_da].properties}. Everything a template shows is escaped by Thymeleaf.
 */
@Component
class DashboardPages {

  private final TemplateEngine engine;

  DashboardPages() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("dashboard/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    texts.setBasename("dashboard/messages");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
    texts.setUseCodeAsDefaultMessage(true);
    engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new Texts(texts));
  }

  String render(String template, Locale language, Map<String, Object> variables) {
    Context context = new Context(language, variables);
    return engine.process(template, context);
  }

  private record Texts(ResourceBundleMessageSource texts) implements IMessageResolver {

    @Override
    public String getName() {
      return "dashboard";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(
        ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return texts.getMessage(key, parameters, context.getLocale());
    }

    @Override
    public String createAbsentMessageRepresentation(
        ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return key;
    }
  }
}
