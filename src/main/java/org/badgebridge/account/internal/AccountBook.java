package org.badgebridge.account.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts: each a set of verified addresses (an address belongs to one account), the awards claimed into it,
 * and the LMS identities (platform + subject, one account each) linked to it. A merged account lives on in the one it merged into.
 */
@Component
class AccountBook {

	/** An LMS identity linked to an account. */
	record LmsIdentity(long registrationId, String subject) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	AccountBook(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Publishes what happened to the account, in the caller's transaction (the audit records it there). */
	void told(String accountId, String change, String detail) {
		events.publishEvent(new org.badgebridge.account.AccountChanged(accountId, change, detail));
	}

	Optional<String> accountOf(String address) {
		String a = Secrets.address(address);
		return a == null ? Optional.empty()
				: jdbc.sql("select account_id from account_address where address=?").param(a).query(String.class).optional();
	}

	/**
	 * The account holding this (just proven) address, made now with it when no account holds it yet; in a transaction
	 * of its own, so that losing the race for a new address (its key) does not doom the caller's transaction: the
	 * caller then reads the winner's account.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public String accountFor(String address) {
		String a = Secrets.address(address);
		if (a == null) {
			throw new IllegalArgumentException("That is not an email address.");
		}
		Optional<String> held = accountOf(a);
		if (held.isPresent()) {
			return held.get();
		}
		String id = UUID.randomUUID().toString();
		long now = clock.millis();
		jdbc.sql("insert into account (id, created_at) values (?,?)").params(id, now).update();
		// two proofs of one new address at once: the second fails on the key and rolls back (an event is delivered again)
		jdbc.sql("insert into account_address (address, account_id, verified_at) values (?,?,?)").params(a, id, now).update();
		told(id, "CREATED", "with a proven address");
		return id;
	}

	/** A new account with no address yet (a provider's subject that released no verified address). */
	String newAccount() {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into account (id, created_at) values (?,?)").params(id, clock.millis()).update();
		told(id, "CREATED", "without an address");
		return id;
	}

	/** Records that the award was claimed into the account (once; a repeated event changes nothing). */
	void claimed(String awardId, String accountId) {
		try {
			jdbc.sql("insert into account_award (award_id, account_id, claimed_at) values (?,?,?)").params(awardId, accountId, clock.millis())
					.update();
		}
		catch (DuplicateKeyException ex) {
			// recorded by an earlier delivery
		}
	}

	/** The account the award was claimed into. */
	Optional<String> accountOfAward(String awardId) {
		return jdbc.sql("select account_id from account_award where award_id=?").param(awardId).query(String.class).optional();
	}

	/** The awards claimed into the account. */
	List<String> claimedAwards(String accountId) {
		return jdbc.sql("select award_id from account_award where account_id=?").param(accountId).query(String.class).list();
	}

	boolean live(String accountId) {
		return jdbc.sql("select count(*) from account where id=? and merged_into is null").param(accountId).query(Integer.class)
				.single() > 0;
	}

	List<String> addresses(String accountId) {
		return jdbc.sql("select address from account_address where account_id=? order by verified_at, address").param(accountId)
				.query(String.class).list();
	}

	/** Adds a verified address that no account holds; false when one does. */
	boolean addAddress(String accountId, String address) {
		try {
			jdbc.sql("insert into account_address (address, account_id, verified_at) values (?,?,?)")
					.params(Secrets.address(address), accountId, clock.millis()).update();
			told(accountId, "ADDRESS_CONFIRMED", null);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<String> linkedAccount(long registrationId, String subject) {
		return jdbc.sql("select account_id from account_lms_identity where registration_id=? and subject=?")
				.params(registrationId, subject).query(String.class).optional();
	}

	/** Links the LMS identity to the account; false when it is linked (to this or another account) already. */
	boolean link(long registrationId, String subject, String accountId) {
		try {
			jdbc.sql("insert into account_lms_identity (registration_id, subject, account_id, linked_at) values (?,?,?,?)")
					.params(registrationId, subject, accountId, clock.millis()).update();
			told(accountId, "LMS_LINKED", "registration " + registrationId);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	List<LmsIdentity> identities(String accountId) {
		return jdbc.sql("select registration_id, subject from account_lms_identity where account_id=? order by linked_at")
				.param(accountId).query((rs, i) -> new LmsIdentity(rs.getLong(1), rs.getString(2))).list();
	}

	/** Moves everything of {@code from} (addresses, LMS identities, sessions) to {@code into}; {@code from} ends. */
	void merge(String from, String into) {
		jdbc.sql("update account_address set account_id=? where account_id=?").params(into, from).update();
		jdbc.sql("update account_lms_identity set account_id=? where account_id=?").params(into, from).update();
		jdbc.sql("update account_award set account_id=? where account_id=?").params(into, from).update();
		jdbc.sql("update account_session set account_id=? where account_id=?").params(into, from).update();
		jdbc.sql("update account_oidc_identity set account_id=? where account_id=?").params(into, from).update();
		jdbc.sql("update account set merged_into=? where id=?").params(into, from).update();
		told(into, "MERGED", "account " + from + " joined it");
	}
}
