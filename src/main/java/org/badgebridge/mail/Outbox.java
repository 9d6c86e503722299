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

/** The mail outbox: queue once per key, list, and the bookkeeping of delivery. */
@Service
public class Outbox {

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
		long now = clock.millis();
		try {
			jdbc.sql("""
					insert into mail_outbox (id, dedup_key, recipient, subject, text_body, html_body, status, attempts,
					  next_attempt_at, created_at) values (?,?,?,?,?,?,?,0,?,?)""")
					.params(UUID.randomUUID().toString(), dedupKey, recipient, subject, text, html, OutgoingMail.Status.QUEUED.name(), now,
							now)
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

	/** Delivery side: mails due for a (re)try. */
	public List<OutgoingMail> due(int limit) {
		return jdbc.sql("select * from mail_outbox where status='QUEUED' and next_attempt_at <= ? order by next_attempt_at limit ?")
				.params(clock.millis(), limit).query(this::row).list();
	}

	public void sent(String id) {
		jdbc.sql("update mail_outbox set status='SENT', sent_at=?, attempts=attempts+1, last_error=null where id=?")
				.params(clock.millis(), id).update();
	}

	public void failed(String id, String error, boolean permanent, long retryAt) {
		String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
		jdbc.sql("update mail_outbox set status=?, attempts=attempts+1, last_error=?, next_attempt_at=? where id=?")
				.params(permanent ? "FAILED" : "QUEUED", message, retryAt, id).update();
	}

	private OutgoingMail row(ResultSet rs, int i) throws SQLException {
		long sent = rs.getLong("sent_at");
		Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
		return new OutgoingMail(rs.getString("id"), rs.getString("dedup_key"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), OutgoingMail.Status.valueOf(rs.getString("status")),
				rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
				Instant.ofEpochMilli(rs.getLong("created_at")), sentAt);
	}
}
