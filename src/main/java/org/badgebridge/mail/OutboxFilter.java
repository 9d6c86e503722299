package org.badgebridge.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which mails an outbox list or count takes: a state, a kind (the part of the mail's key before the colon, such as
 * {@code claim}), a piece of the recipient's address, and when they were queued ({@code from} inclusive,
 * {@code until} exclusive); null or blank for any.
 */
public record OutboxFilter(MailState state, String kind, String recipient, Instant from, Instant until) {

	public static final OutboxFilter NONE = new OutboxFilter(null, null, null, null, null);

	/** The same filter for any state (the totals per state). */
	public OutboxFilter anyState() {
		return new OutboxFilter(null, kind, recipient, from, until);
	}

	/** The SQL condition, its values added to {@code params}. */
	String where(List<Object> params) {
		StringBuilder sql = new StringBuilder(" where 1 = 1");
		if (state != null) {
			sql.append(" and ").append(MailState.SQL).append(" = ?");
			params.add(state.name());
		}
		if (kind != null && !kind.isBlank()) {
			sql.append(" and dedup_key like ? escape '!'");
			params.add(like(kind.trim()) + ":%");
		}
		if (recipient != null && !recipient.isBlank()) {
			sql.append(" and lower(recipient) like ? escape '!'");
			params.add("%" + like(recipient.trim().toLowerCase(Locale.ROOT)) + "%");
		}
		if (from != null) {
			sql.append(" and created_at >= ?");
			params.add(from.toEpochMilli());
		}
		if (until != null) {
			sql.append(" and created_at < ?");
			params.add(until.toEpochMilli());
		}
		return sql.toString();
	}

	private static String like(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}
}
