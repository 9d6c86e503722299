package org.badgebridge.account.internal;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only record of what account deletions and retention purges removed and when: an action and counts, no
 * address, name or id (the award log keeps each award's own erasure).
 */
@Component
class AccountAudit {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	AccountAudit(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** One entry: how many awards, addresses, LMS identities, sessions and one-time links the action removed. */
	void record(String action, int awards, int addresses, int identities, int sessions, int links) {
		jdbc.sql("insert into account_audit (action, at, awards, addresses, identities, sessions, links) values (?,?,?,?,?,?,?)")
				.params(action, clock.millis(), awards, addresses, identities, sessions, links).update();
		events.publishEvent(new org.badgebridge.account.AccountChanged(null, action, "awards " + awards + ", addresses " + addresses
				+ ", identities " + identities + ", sessions " + sessions + ", links " + links));
	}
}
