package org.badgebridge.mail;

import java.time.Instant;

/** A mail in the outbox. */
public record OutgoingMail(String id, String dedupKey, String recipient, String subject, String textBody, String htmlBody,
		Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, Secret secret) {

	/** Whether the mail (still) holds a one-time secret: it must not outlive the mail's delivery. */
	public boolean carriesSecret() {
		return secret == Secret.BODY || secret == Secret.SUBJECT_AND_BODY;
	}

	public enum Status {
		/** Waiting for delivery (or for SMTP to be configured). */
		QUEUED,
		/** Handed to the SMTP server. */
		SENT,
		/** Given up: a permanent refusal, or too many attempts. */
		FAILED
	}

	/** What one-time secret (a claim link's token, a confirmation code) a mail holds, and where. */
	public enum Secret {
		/** Nothing that grants anything. */
		NONE,
		/** The body holds a one-time link or code. */
		BODY,
		/** The subject holds the code too. */
		SUBJECT_AND_BODY,
		/** It held one: its body (and subject) were replaced once delivered, given up, or past the retention. */
		REMOVED
	}
}
