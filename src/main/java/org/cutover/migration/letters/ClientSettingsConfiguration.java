package org.cutover.migration.letters;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The users' mail program settings as beans, for contexts that name their parts one by one (the
 * application's own scan finds them anyway).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserLetterSettings.class)
@Import({MailClientDefaults.class, UsersClientSettings.class, ClientSettingsRecords.class})
public class ClientSettingsConfiguration {}
