package org.cutover.migration;

import org.cutover.notify.LetterTemplates;
import org.cutover.notify.SmtpPost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The letters' parts as beans. Templates always (administrators may read letters on any node); the
 * SMTP sender only when {@code spring.mail.host} is set, like {@link SmtpUserLetters}, which makes
 * the letters capability.
 */
@Configuration(proxyBeanMethods = false)
class LetterConfiguration {

  @Bean
  LetterTemplates letterTemplates() {
    return new LetterTemplates();
  }

  @Bean
  @ConditionalOnProperty(prefix = "spring.mail", name = "host")
  SmtpPost smtpPost(JavaMailSenderImpl mailSender) {
    return new SmtpPost(mailSender);
  }
}
