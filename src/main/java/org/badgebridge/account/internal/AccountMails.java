package org.badgebridge.account.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;
import org.badgebridge.mail.MailTemplates;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;

/**
 * The account's mails (a sign-in link, an address's confirmation link), in the language of the page the person asked
 * from, signed by the tool's default issuer: an account spans institutions. Each holds a one-time link, removed from
 * the outbox once delivered.
 */
@Component
class AccountMails {

	private final MailTemplates templates;

	private final Outbox outbox;

	private final Issuers issuers;

	private final String publicUrl;

	AccountMails(MailTemplates templates, Outbox outbox, Issuers issuers, @Value("${badgebridge.public-url}") String publicUrl) {
		this.templates = templates;
		this.outbox = outbox;
		this.issuers = issuers;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** Queues mail {@code name} ({@code account-sign-in}, {@code account-address}) to the address with its link. */
	void send(String name, String address, String path, Duration validity, Locale locale) {
		IssuerProfile issuer = issuers.defaultIssuer();
		Map<String, Object> model = new HashMap<>();
		model.put("issuerName", issuer.name());
		model.put("issuerCountry", null);
		model.put("issuerUrl", issuer.url() == null || issuer.url().isBlank() ? null : issuer.url());
		model.put("issuerLogoUrl", null);
		model.put("link", publicUrl + path);
		model.put("address", address);
		model.put("minutes", validity.toMinutes());
		Locale language = locale != null && "nl".equals(locale.getLanguage()) ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
		MailTemplates.Rendered mail = templates.render(name, language, model);
		outbox.queue(name + ":" + UUID.randomUUID(), address, mail.subject(), mail.text(), mail.html(), OutgoingMail.Secret.BODY);
	}
}
