package org.badgebridge.mail.internal;

import java.time.Clock;
import java.time.Duration;

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
 * refuses for good fails at once. Each mail is marked as it goes, so nothing is sent twice by this job.
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

	public OutboxDelivery(Outbox outbox, ObjectProvider<JavaMailSender> sender, Clock clock,
			@Value("${badgebridge.mail.from:BadgeBridge <no-reply@badgebridge.local>}") String from,
			@Value("${badgebridge.mail.max-attempts:8}") int maxAttempts,
			@Value("${badgebridge.mail.base-backoff:1m}") Duration baseBackoff) {
		this.outbox = outbox;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
		this.maxAttempts = maxAttempts;
		this.baseBackoff = baseBackoff;
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
		for (OutgoingMail m : outbox.due(200)) {
			try {
				MimeMessage message = mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(from);
				helper.setTo(m.recipient());
				helper.setSubject(m.subject());
				helper.setText(m.textBody(), m.htmlBody());
				mail.send(message);
				outbox.sent(m.id());
				sent++;
			}
			catch (MailException | MessagingException ex) {
				boolean permanent = permanent(ex) || m.attempts() + 1 >= maxAttempts;
				long backoff = Math.min(Duration.ofHours(1).toMillis(), baseBackoff.toMillis() << Math.min(m.attempts(), 20));
				outbox.failed(m.id(), ex.getMessage(), permanent, clock.millis() + backoff);
				log.warn("Mail {} to {} not delivered (attempt {}{}): {}", m.id(), m.recipient(), m.attempts() + 1,
						permanent ? ", giving up" : "", ex.getMessage());
				if (!permanent && isConnectionProblem(ex)) {
					break; // the server is down: the rest waits for the next run
				}
			}
		}
		return sent;
	}

	private static boolean permanent(Exception ex) {
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

	private static boolean isConnectionProblem(Exception ex) {
		return ex instanceof MailSendException && ex.getMessage() != null && ex.getMessage().contains("connect");
	}
}
