package org.cutover.mxproof;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMTP probe with the configured trust; {@code cutover.mx-proof.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MxProofProperties.class)
class MxProofConfiguration {

  @Bean
  RecipientProbe recipientProbe(MxProofProperties properties) {
    return new SmtpRecipientProbe(
        properties,
        properties.trustCertificate() == null
            ? null
            : PemTrust.socketFactory(properties.trustCertificate()),
        duration -> Thread.sleep(duration.toMillis()));
  }
}
