/**
 * Outgoing mail: an outbox table (one row per award and kind of mail, unique), delivered by a clustered Quartz
 * job through Spring's Jakarta Mail support with retries and backoff. Without SMTP configured (the embedded
 * default) mails stay in the outbox, readable on the admin page. {@link org.badgebridge.mail.MailTemplates} renders a mail
 * (subject, plain text, HTML) from {@code templates/mail/<name>.txt} and {@code .html} in a given language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail",
		allowedDependencies = { "web" })
package org.badgebridge.mail;
