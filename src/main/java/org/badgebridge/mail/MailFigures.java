package org.badgebridge.mail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the outbox holds, counted in the database: mails per state, and the kinds of mail there are. */
@Service
public class MailFigures {

	/** The kind of a mail: its key up to the colon ({@code claim:<award>} is a claim mail). */
	static final String KIND = "case when locate(':', dedup_key) > 0 then substring(dedup_key, 1, locate(':', dedup_key) - 1) else dedup_key end";

	private final JdbcClient jdbc;

	MailFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every mail per state, each state present (0 when none). */
	public Map<MailState, Long> byState() {
		return byState(OutboxFilter.NONE);
	}

	/** The mails {@code filter} takes, per state (its own state ignored), each state present. */
	public Map<MailState, Long> byState(OutboxFilter filter) {
		Map<MailState, Long> counts = new EnumMap<>(MailState.class);
		for (MailState s : MailState.values()) {
			counts.put(s, 0L);
		}
		List<Object> params = new ArrayList<>();
		String where = filter.anyState().where(params);
		jdbc.sql("select t.state, count(*) from (select " + MailState.SQL + " as state from mail_outbox" + where
				+ ") t group by t.state").params(params).query(rs -> {
					counts.put(MailState.valueOf(rs.getString(1)), rs.getLong(2));
				});
		return counts;
	}

	/** The kinds of mail in the outbox, A to Z. */
	public List<String> kinds() {
		return jdbc.sql("select t.kind from (select " + KIND + " as kind from mail_outbox) t group by t.kind order by t.kind")
				.query(String.class).list();
	}
}
