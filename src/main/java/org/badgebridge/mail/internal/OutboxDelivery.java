package org.badgebridge.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;

/**
 * Delivers due outbox mails through SMTP, when SMTP is configured. A failure is retried with exponential
 * backoff (1, 2, 4 ... minutes, at most an hour apart) up to {@code max-attempts}; an address the server
 * refuses for good fails at once. Each mail is marked as it goes, so nothing is sent twice by this job. A mail holding a
 * one-time link or code loses it once delivered; undelivered it is given up after {@code unsent-secret-retention}
 * (without SMTP, the embedded default, the developer can open it on the admin page until then).
 */
@Component
public class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSender> sender;

	private final Clock clock;

	private final String from;

	private final int maxAttempts;

	private final Duration baseBackoff;

	private final Duration secretRetention;

	static final int BATCH = 200;

	public OutboxDelivery(Outbox outbox, ObjectProvider<JavaMailSender> sender, Clock clock,
			@Value("${badgebridge.mail.from:BadgeBridge <no-reply@badgebridge.local>}") String from,
			@Value("${badgebridge.mail.max-attempts:8}") int maxAttempts,
			@Value("${badgebridge.mail.base-backoff:1m}") Duration baseBackoff,
			@Value("${badgebridge.mail.unsent-secret-retention:7d}") Duration secretRetention) {
		this.outbox = outbox;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
		this.maxAttempts = maxAttempts;
		this.baseBackoff = baseBackoff;
		this.secretRetention = secretRetention;
	}

	/** How long an undelivered mail may keep its one-time link or code. */
	public Duration secretRetention() {
		return secretRetention;
	}

	/** Removes the secrets of mails undelivered for longer than the retention (and gives them up); returns how many. */
	public int purgeExpiredSecrets() {
		int purged = outbox.purgeUndeliveredSecrets(clock.millis() - secretRetention.toMillis());
		if (purged > 0) {
			log.info("{} undelivered mail(s) with a one-time link or code were older than {}: their secret was removed", purged,
					secretRetention);
		}
		return purged;
	}

	public boolean smtpConfigured() {
		return sender.getIfAvailable() != null;
	}

	/** Sends what is due; returns how many were sent. */
	public int deliverDue() {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return 0; // no SMTP: mails stay in the outbox
		}
		int sent = 0;
		List<OutgoingMail> due = outbox.due(BATCH);
		if (due.isEmpty()) {
			return 0;
		}
		// one SMTP connection for the whole batch; the server's verdict is kept per message
		Map<MimeMessage, OutgoingMail> batch = new LinkedHashMap<>();
		for (OutgoingMail m : due) {
			try {
				MimeMessage message = mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(from);
				helper.setTo(m.recipient());
				helper.setSubject(m.subject());
				helper.setText(m.textBody(), m.htmlBody());
				batch.put(message, m);
			}
			catch (MessagingException | MailException ex) {
				failed(m, ex, true);
			}
		}
		Map<Object, Exception> failures = Map.of();
		try {
			mail.send(batch.keySet().toArray(new MimeMessage[0]));
		}
		catch (MailSendException ex) {
			failures = ex.getFailedMessages();
			if (failures.isEmpty()) { // no connection at all: nothing went out
				batch.values().stream().findFirst().ifPresent(first -> failed(first, ex, false));
				return 0;
			}
		}
		catch (MailException ex) {
			batch.values().stream().findFirst().ifPresent(first -> failed(first, ex, false));
			return 0;
		}
		for (Map.Entry<MimeMessage, OutgoingMail> e : batch.entrySet()) {
			Exception failure = failures.get(e.getKey());
			if (failure == null) {
				outbox.sent(e.getValue().id());
				sent++;
			}
			else {
				failed(e.getValue(), failure, false);
			}
		}
		return sent;
	}

	private void failed(OutgoingMail m, Exception ex, boolean permanentAlready) {
		boolean permanent = permanentAlready || permanent(ex) || m.attempts() + 1 >= maxAttempts;
		long backoff = Math.min(Duration.ofHours(1).toMillis(), baseBackoff.toMillis() << Math.min(m.attempts(), 20));
		outbox.failed(m.id(), ex.getMessage(), permanent, clock.millis() + backoff);
		log.warn("Mail {} to {} not delivered (attempt {}{}): {}", m.id(), m.recipient(), m.attempts() + 1,
				permanent ? ", giving up" : "", ex.getMessage());
	}

	static boolean permanent(Exception ex) {
		if (ex instanceof MailAuthenticationException) {
			return false; // a configuration problem: keep the mail until it is fixed
		}
		Throwable t = ex;
		while (t != null) {
			if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null && sfe.getInvalidAddresses().length > 0) {
				return true;
			}
			if (t.getMessage() != null && t.getMessage().matches("(?s).*\\b5\\d\\d\\b.*") && t instanceof SendFailedException) {
				return true;
			}
			t = t.getCause();
		}
		return ex instanceof org.springframework.mail.MailParseException;
	}

}
