package org.badgebridge.account.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.award.Awards;
import org.badgebridge.claim.ReminderPreferences;

/**
 * The holder's one switch for reminder mails before claim windows end: it applies to every award of the account (those
 * claimed into it and those sent to one of its addresses), the claim window asks it through {@link ReminderPreferences}.
 */
@Component
class ReminderSettings implements ReminderPreferences {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountBook book;

	private final Awards awards;

	ReminderSettings(JdbcClient jdbc, Clock clock, AccountBook book, Awards awards) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.book = book;
		this.awards = awards;
	}

	boolean off(String accountId) {
		return jdbc.sql("select count(*) from account_reminder_optout where account_id=?").param(accountId).query(Integer.class)
				.single() > 0;
	}

	void set(String accountId, boolean off) {
		if (!off) {
			jdbc.sql("delete from account_reminder_optout where account_id=?").param(accountId).update();
			return;
		}
		try {
			jdbc.sql("insert into account_reminder_optout (account_id, created_at) values (?,?)").params(accountId, clock.millis()).update();
		}
		catch (DuplicateKeyException ex) {
			// off already
		}
	}

	@Override
	public boolean remindersOff(String awardId) {
		Optional<String> account = book.accountOfAward(awardId)
				.or(() -> awards.find(awardId).map(awards::recipientEmail).flatMap(book::accountOf));
		return account.map(this::off).orElse(false);
	}
}
