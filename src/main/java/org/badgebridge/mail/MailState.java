package org.badgebridge.mail;

import java.util.Locale;

/**
 * A mail's state as the admin sees it: waiting for its first try, waiting after a failed try, delivered, or given up.
 * The outbox stores three ({@link OutgoingMail.Status}); a queued mail with an error is retrying.
 */
public enum MailState {
	QUEUED, RETRYING, SENT, FAILED;

	/** The state of a {@code mail_outbox} row in SQL. */
	static final String SQL = "case when status = 'QUEUED' and last_error is not null then 'RETRYING' else status end";

	/** The suffix of its message keys. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
