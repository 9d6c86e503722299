package org.badgebridge.account.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.Award;
import org.badgebridge.award.HolderErasure;

/**
 * The holder deletes their account. Every award of it is erased through {@code award}'s {@link HolderErasure} (revoked
 * with the reason "deleted by holder", its name and address removed, nobody mailed; the status lists and the LMS
 * gradebook follow as for any revocation; the award row with its course and LMS subject stays, so the next evaluation
 * does not award again). Then the account's own data goes: addresses, linked LMS identities, sessions, sign-in and
 * address links, merge requests, the reminder choice and the account itself. One audit entry says what, by counts.
 */
@Component
class AccountDeletion {

	/** What a deletion removed. */
	record Deleted(int awards, int addresses, int identities, int sessions, int links) {
	}

	private final JdbcClient jdbc;

	private final PrivacyAwards holderAwards;

	private final HolderErasure erasure;

	private final AccountAudit audit;

	AccountDeletion(JdbcClient jdbc, PrivacyAwards holderAwards, HolderErasure erasure, AccountAudit audit) {
		this.jdbc = jdbc;
		this.holderAwards = holderAwards;
		this.erasure = erasure;
		this.audit = audit;
	}

	@Transactional
	Deleted delete(String accountId) {
		List<Award> held = holderAwards.of(accountId);
		held.forEach(a -> erasure.erase(a.id()));
		List<String> accounts = new ArrayList<>(List.of(accountId));
		accounts.addAll(jdbc.sql("select id from account where merged_into=?").param(accountId).query(String.class).list());
		List<String> addresses = jdbc.sql("select address from account_address where account_id=?").param(accountId).query(String.class)
				.list();
		int links = 0;
		for (String address : addresses) {
			links += jdbc.sql("delete from account_sign_in where address=?").param(address).update();
		}
		int sessions = 0;
		int identities = 0;
		int removedAddresses = 0;
		for (String account : accounts) {
			links += jdbc.sql("delete from account_address_check where account_id=?").param(account).update();
			jdbc.sql("delete from account_merge where account_id=? or other_account_id=?").params(account, account).update();
			sessions += jdbc.sql("delete from account_session where account_id=?").param(account).update();
			identities += jdbc.sql("delete from account_lms_identity where account_id=?").param(account).update();
			identities += jdbc.sql("delete from account_oidc_identity where account_id=?").param(account).update();
			removedAddresses += jdbc.sql("delete from account_address where account_id=?").param(account).update();
			jdbc.sql("delete from account_award where account_id=?").param(account).update();
			jdbc.sql("delete from account_reminder_optout where account_id=?").param(account).update();
			jdbc.sql("delete from account where id=?").param(account).update();
		}
		Deleted deleted = new Deleted(held.size(), removedAddresses, identities, sessions, links);
		audit.record("ACCOUNT_DELETED", deleted.awards(), deleted.addresses(), deleted.identities(), deleted.sessions(), deleted.links());
		return deleted;
	}
}
