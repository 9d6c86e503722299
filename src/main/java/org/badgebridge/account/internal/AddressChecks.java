package org.badgebridge.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.web.InvalidInput;
import org.badgebridge.web.RateLimiter;

/**
 * Another address for an account: a link mailed to it (hash stored, {@code badgebridge.account.address-check-validity},
 * 24 hours, used once) proves it. A free address joins the account; one another account holds becomes a merge
 * request that a sign-in of each account confirms ({@link Merges}).
 */
@Component
class AddressChecks {

	/** What following a link did. */
	enum Outcome { ADDED, ALREADY_YOURS, MERGE_REQUESTED, UNKNOWN_LINK, OTHER_ACCOUNT }

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountBook book;

	private final Merges merges;

	private final AccountMails mails;

	private final Duration validity;

	private final RateLimiter perAccount;

	AddressChecks(JdbcClient jdbc, Clock clock, AccountBook book, Merges merges, AccountMails mails,
			@Value("${badgebridge.account.address-check-validity:PT24H}") Duration validity,
			@Value("${badgebridge.account.address-checks-per-account-per-minute:3}") int perAccount) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.book = book;
		this.merges = merges;
		this.mails = mails;
		this.validity = validity;
		this.perAccount = new RateLimiter(perAccount, clock);
	}

	/** Mails a confirmation link to the address; false when the account holds it already. */
	@Transactional
	boolean start(String accountId, String address, Locale locale) {
		String a = Secrets.address(address);
		if (a == null) {
			throw new InvalidInput("address", "That is not an email address.", "learning.backpack.address.invalid");
		}
		if (book.accountOf(a).filter(accountId::equals).isPresent()) {
			return false;
		}
		if (!perAccount.tryAcquire(accountId)) {
			throw new InvalidInput("address", "You asked for several links just now: wait a minute.", "learning.backpack.address.tooMany");
		}
		String token = Secrets.token();
		long now = clock.millis();
		jdbc.sql("delete from account_address_check where expires_at < ?").param(now).update();
		jdbc.sql("insert into account_address_check (token_hash, account_id, address, expires_at) values (?,?,?,?)")
				.params(Secrets.hash(token), accountId, a, now + validity.toMillis()).update();
		book.told(accountId, "ADDRESS_ADDED", "confirmation link mailed");
		mails.send("account-address", a, "/backpack/addresses/verify/" + token, validity, locale);
		return true;
	}

	/** The address a live link confirms, for the page that asks to confirm it. */
	Optional<String> address(String token) {
		return token.length() > 64 ? Optional.empty()
				: jdbc.sql("select address from account_address_check where token_hash=? and expires_at > ?")
						.params(Secrets.hash(token), clock.millis()).query(String.class).optional();
	}

	/** Uses the link up: the address joins its account, or a merge with the account holding it is requested. */
	@Transactional
	/**
	 * Confirms the address of the link for the account that asked for it: only in a sign-in of that very account (the
	 * link proves the mailbox, the session proves who asked; a click by the mailbox's owner in another browser must not
	 * hand the address, and the badges sent to it, to whoever added it). Another account's sign-in leaves the link
	 * unused.
	 */
	Outcome verify(String token, String signedInAccount) {
		if (token.length() > 64) {
			return Outcome.UNKNOWN_LINK;
		}
		String hash = Secrets.hash(token);
		record Check(String accountId, String address) {
		}
		Optional<Check> check = jdbc.sql("select account_id, address from account_address_check where token_hash=? and expires_at > ?")
				.params(hash, clock.millis()).query((rs, i) -> new Check(rs.getString(1), rs.getString(2))).optional();
		if (check.isPresent() && !check.get().accountId().equals(signedInAccount)) {
			return Outcome.OTHER_ACCOUNT;
		}
		if (check.isEmpty() || jdbc.sql("delete from account_address_check where token_hash=?").param(hash).update() != 1) {
			return Outcome.UNKNOWN_LINK;
		}
		String account = check.get().accountId();
		Optional<String> holder = book.accountOf(check.get().address());
		if (holder.isEmpty() && book.addAddress(account, check.get().address())) {
			return Outcome.ADDED;
		}
		String other = holder.orElseGet(() -> book.accountOf(check.get().address()).orElseThrow());
		if (other.equals(account)) {
			return Outcome.ALREADY_YOURS;
		}
		merges.request(account, other, check.get().address());
		return Outcome.MERGE_REQUESTED;
	}
}
