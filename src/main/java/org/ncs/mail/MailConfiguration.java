package org.ncs.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is polled on every node ({@code ncs.mail.poll-interval}); it does nothing while mail is off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {
}
