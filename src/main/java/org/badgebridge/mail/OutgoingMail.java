package org.badgebridge.mail;

import java.time.Instant;

/** A mail in the outbox. */
public record OutgoingMail(String id, String dedupKey, String recipient, String subject, String textBody, String htmlBody,
		Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

	public enum Status {
		/** Waiting for delivery (or for SMTP to be configured). */
		QUEUED,
		/** Handed to the SMTP server. */
		SENT,
		/** Given up: a permanent refusal, or too many attempts. */
		FAILED
	}
}
