package org.badgebridge.account.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two accounts become one when an address of one was verified for the other: a request that a sign-in of each
 * account confirms; with both confirmations everything of the account that held the address moves to the one that
 * asked for it.
 */
@Component
class Merges {

	/** A merge waiting for confirmations: the account that asked, the one holding the address, and who confirmed. */
	record Request(String id, String accountId, String otherAccountId, String address, boolean confirmedByAccount,
			boolean confirmedByOther) {

		public boolean confirmedBy(String account) {
			return account.equals(accountId) ? confirmedByAccount : confirmedByOther;
		}
	}

	/** What a confirmation did. */
	enum Confirmed { WAITING_FOR_OTHER, MERGED, NOT_YOURS }

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountBook book;

	Merges(JdbcClient jdbc, Clock clock, AccountBook book) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.book = book;
	}

	void request(String accountId, String otherAccountId, String address) {
		if (pending(accountId).stream().noneMatch(r -> r.otherAccountId().equals(otherAccountId) || r.accountId().equals(otherAccountId))) {
			jdbc.sql("insert into account_merge (id, account_id, other_account_id, address, created_at) values (?,?,?,?,?)")
					.params(UUID.randomUUID().toString(), accountId, otherAccountId, address, clock.millis()).update();
			book.told(accountId, "MERGE_REQUESTED", "with account " + otherAccountId);
		}
	}

	/** The open requests this account is part of. */
	List<Request> pending(String accountId) {
		return jdbc.sql("""
				select id, account_id, other_account_id, address, confirmed_by_account, confirmed_by_other from account_merge
				where done_at is null and (account_id=? or other_account_id=?) order by created_at""").params(accountId, accountId)
				.query((rs, i) -> new Request(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
						rs.getBoolean(6)))
				.list();
	}

	/** The signed-in account confirms its side; the second confirmation merges. */
	@Transactional
	Confirmed confirm(String requestId, String accountId) {
		Request r = pending(accountId).stream().filter(p -> p.id().equals(requestId)).findFirst().orElse(null);
		if (r == null) {
			return Confirmed.NOT_YOURS;
		}
		String column = accountId.equals(r.accountId()) ? "confirmed_by_account" : "confirmed_by_other";
		jdbc.sql("update account_merge set " + column + "=true where id=?").param(requestId).update();
		boolean both = Boolean.TRUE.equals(jdbc.sql("select confirmed_by_account and confirmed_by_other from account_merge where id=?")
				.param(requestId).query(Boolean.class).single());
		if (!both || jdbc.sql("update account_merge set done_at=? where id=? and done_at is null").params(clock.millis(), requestId)
				.update() != 1) {
			return Confirmed.WAITING_FOR_OTHER;
		}
		book.merge(r.otherAccountId(), r.accountId());
		jdbc.sql("update account_merge set done_at=? where done_at is null and (account_id=? or other_account_id=?)")
				.params(clock.millis(), r.otherAccountId(), r.otherAccountId()).update();
		return Confirmed.MERGED;
	}
}
