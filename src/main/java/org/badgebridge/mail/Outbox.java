package org.badgebridge.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mail outbox: queue once per key, list, and the bookkeeping of delivery. A mail that holds a one-time secret
 * (a claim link's token, a confirmation code) keeps it only until it is delivered or given up: then its body (and a
 * subject holding the code) are replaced by {@link #REMOVED}; recipient, kind, state and times stay.
 */
@Service
public class Outbox {

	/** What replaces a secret-bearing body (and subject) once the mail is delivered or given up. */
	public static final String REMOVED = "(removed after delivery: it held a one-time link or code)";

	/** What replaces it when the mail was not delivered within the retention. */
	public static final String EXPIRED = "(removed undelivered after the retention period: it held a one-time link or code)";

	/** Replaces the secret parts of a row (MySQL assigns left to right: {@code secret} must come last). */
	private static final String PURGE = """
			subject = case when secret = 'SUBJECT_AND_BODY' then :note else subject end,
			text_body = case when secret in ('BODY', 'SUBJECT_AND_BODY') then :note else text_body end,
			html_body = case when secret in ('BODY', 'SUBJECT_AND_BODY') then :html else html_body end,
			secret = case when secret in ('BODY', 'SUBJECT_AND_BODY') then 'REMOVED' else secret end""";

	private final JdbcClient jdbc;

	private final Clock clock;

	public Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues a mail unless one with the same key exists (e.g. {@code claim:<award>}): a redelivered event
	 * queues nothing twice. Returns whether it was queued now.
	 */
	public boolean queue(String dedupKey, String recipient, String subject, String text, String html) {
		return queue(dedupKey, recipient, subject, text, html, OutgoingMail.Secret.NONE);
	}

	/** Queues a mail holding a one-time secret where {@code secret} says: it is removed once the mail is delivered. */
	public boolean queue(String dedupKey, String recipient, String subject, String text, String html, OutgoingMail.Secret secret) {
		long now = clock.millis();
		try {
			jdbc.sql("""
					insert into mail_outbox (id, dedup_key, recipient, subject, text_body, html_body, status, attempts,
					  next_attempt_at, created_at, secret) values (?,?,?,?,?,?,?,0,?,?,?)""")
					.params(UUID.randomUUID().toString(), dedupKey, recipient, subject, text, html, OutgoingMail.Status.QUEUED.name(), now,
							now, secret.name())
					.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public boolean exists(String dedupKey) {
		return jdbc.sql("select count(*) from mail_outbox where dedup_key=?").param(dedupKey).query(Integer.class).single() > 0;
	}

	/** Lets a mail with this key be queued again (a claim mail sent again, with a new link). */
	public void forget(String dedupKey) {
		jdbc.sql("update mail_outbox set dedup_key = concat(dedup_key, concat('#', id)) where dedup_key=?").param(dedupKey).update();
	}

	public List<OutgoingMail> recent(int limit) {
		return jdbc.sql("select * from mail_outbox order by created_at desc limit ?").param(limit).query(this::row).list();
	}

	/** The orders of the outbox list: the column names {@link #list} takes, each with its SQL. */
	public static final java.util.Map<String, String> ORDERS = java.util.Map.of("queued", "created_at", "state", MailState.SQL,
			"recipient", "lower(recipient)");

	/** How many mails {@code filter} takes. */
	public long count(OutboxFilter filter) {
		List<Object> params = new java.util.ArrayList<>();
		return jdbc.sql("select count(*) from mail_outbox" + filter.where(params)).params(params).query(Long.class).single();
	}

	/** A page of the mails {@code filter} takes, in the order of {@code column} (one of {@link #ORDERS}), then by id. */
	public List<OutgoingMail> list(OutboxFilter filter, String column, boolean descending, long offset, int limit) {
		List<Object> params = new java.util.ArrayList<>();
		String where = filter.where(params);
		String direction = descending ? " desc" : " asc";
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select * from mail_outbox" + where + " order by " + ORDERS.getOrDefault(column, "created_at") + direction
				+ ", id" + direction + " limit ? offset ?").params(params).query(this::row).list();
	}

	/** Delivery side: mails due for a (re)try. */
	public List<OutgoingMail> due(int limit) {
		return jdbc.sql("select * from mail_outbox where status='QUEUED' and next_attempt_at <= ? order by next_attempt_at limit ?")
				.params(clock.millis(), limit).query(this::row).list();
	}

	/** Marks a mail delivered and removes the secret it held. */
	public void sent(String id) {
		jdbc.sql("update mail_outbox set status='SENT', sent_at=:now, attempts=attempts+1, last_error=null, " + PURGE + " where id=:id")
				.param("now", clock.millis()).param("note", REMOVED).param("html", html(REMOVED)).param("id", id).update();
	}

	/** A failed attempt; given up for good, the mail has no use for its secret either. */
	public void failed(String id, String error, boolean permanent, long retryAt) {
		String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
		jdbc.sql("update mail_outbox set status=:status, attempts=attempts+1, last_error=:error, next_attempt_at=:retry"
				+ (permanent ? ", " + PURGE : "") + " where id=:id")
				.param("status", permanent ? "FAILED" : "QUEUED").param("error", message).param("retry", retryAt)
				.param("note", REMOVED).param("html", html(REMOVED)).param("id", id).update();
	}

	/**
	 * Secret-bearing mails created before {@code createdBefore} and still undelivered (no SMTP, or a long outage):
	 * their secret is removed and they are given up, so that they never go out without it. Returns how many.
	 */
	public int purgeUndeliveredSecrets(long createdBefore) {
		return jdbc.sql("update mail_outbox set status='FAILED', last_error=:error, " + PURGE
				+ " where secret in ('BODY', 'SUBJECT_AND_BODY') and created_at < :before")
				.param("error", "Not delivered within the retention for mails with a one-time link or code")
				.param("note", EXPIRED).param("html", html(EXPIRED)).param("before", createdBefore).update();
	}

	private static String html(String note) {
		return "<p>" + note + "</p>";
	}

	private OutgoingMail row(ResultSet rs, int i) throws SQLException {
		long sent = rs.getLong("sent_at");
		Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
		return new OutgoingMail(rs.getString("id"), rs.getString("dedup_key"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), OutgoingMail.Status.valueOf(rs.getString("status")),
				rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
				Instant.ofEpochMilli(rs.getLong("created_at")), sentAt, OutgoingMail.Secret.valueOf(rs.getString("secret")));
	}
}
