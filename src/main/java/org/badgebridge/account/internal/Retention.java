package org.badgebridge.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.UnclaimedAwardRetention;
import org.badgebridge.claim.ClaimLinks;

/**
 * Retention: what is kept only for a while is purged once its period is over ({@code badgebridge.retention.*}):
 * sign-in links (used or not) and backpack sessions that ended, addresses never confirmed (their mailed links) and
 * merge requests, and the personal data of awards nobody claimed (the award row stays, so the learner is not
 * awarded again; its claim link ends). Each run that removed something leaves one entry in the account audit.
 */
@Component
class Retention {

	/** What one run purged. */
	record Purged(int signInLinks, int sessions, int unconfirmedAddresses, int unclaimedAwards) {

		boolean any() {
			return signInLinks + sessions + unconfirmedAddresses + unclaimedAwards > 0;
		}
	}

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final UnclaimedAwardRetention unclaimed;

	private final ClaimLinks claimLinks;

	private final AccountAudit audit;

	private final Duration signInLinks;

	private final Duration sessions;

	private final Duration unconfirmedAddresses;

	private final Duration unclaimedAwards;

	Retention(JdbcClient jdbc, Clock clock, UnclaimedAwardRetention unclaimed, ClaimLinks claimLinks, AccountAudit audit,
			@Value("${badgebridge.retention.sign-in-links:1d}") Duration signInLinks,
			@Value("${badgebridge.retention.sessions:1d}") Duration sessions,
			@Value("${badgebridge.retention.unconfirmed-addresses:30d}") Duration unconfirmedAddresses,
			@Value("${badgebridge.retention.unclaimed-awards:365d}") Duration unclaimedAwards) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.unclaimed = unclaimed;
		this.claimLinks = claimLinks;
		this.audit = audit;
		this.signInLinks = signInLinks;
		this.sessions = sessions;
		this.unconfirmedAddresses = unconfirmedAddresses;
		this.unclaimedAwards = unclaimedAwards;
	}

	@Transactional
	Purged purge() {
		long now = clock.millis();
		long links = now - signInLinks.toMillis();
		int signIns = jdbc.sql("delete from account_sign_in where expires_at < ? or used_at < ?").params(links, links).update();
		int ended = jdbc.sql("delete from account_session where expires_at < ?").param(now - sessions.toMillis()).update();
		long unconfirmed = now - unconfirmedAddresses.toMillis();
		int addresses = jdbc.sql("delete from account_address_check where expires_at < ?").param(unconfirmed).update();
		jdbc.sql("delete from account_merge where coalesce(done_at, created_at) < ?").param(unconfirmed).update();
		List<String> forgotten = unclaimed.forgetUnclaimed(clock.instant().minus(unclaimedAwards), BATCH);
		forgotten.forEach(claimLinks::endForAward);
		Purged purged = new Purged(signIns, ended, addresses, forgotten.size());
		if (purged.any()) {
			audit.record("RETENTION_PURGE", forgotten.size(), addresses, 0, ended, signIns);
		}
		return purged;
	}
}
