package org.badgebridge.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.web.RateLimiter;

/**
 * Sign-in to the backpack by a one-time link mailed to a verified address: 256 random bits, only the hash stored,
 * valid {@code badgebridge.account.sign-in-validity} (15 minutes), used once. Asking is rate limited per address and
 * per client; an address no account holds gets no mail and the same answer (nobody learns who has an account).
 */
@Component
class SignInLinks {

	/** What became of a request for a link. */
	enum Requested { SENT_IF_KNOWN, TOO_MANY }

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountBook book;

	private final AccountMails mails;

	private final Duration validity;

	private final RateLimiter perAddress;

	private final RateLimiter perClient;

	SignInLinks(JdbcClient jdbc, Clock clock, AccountBook book, AccountMails mails,
			@Value("${badgebridge.account.sign-in-validity:PT15M}") Duration validity,
			@Value("${badgebridge.account.sign-ins-per-address-per-minute:3}") int perAddress,
			@Value("${badgebridge.account.sign-ins-per-client-per-minute:10}") int perClient) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.book = book;
		this.mails = mails;
		this.validity = validity;
		this.perAddress = new RateLimiter(perAddress, clock);
		this.perClient = new RateLimiter(perClient, clock);
	}

	Requested request(String address, String client, Locale locale) {
		String a = Secrets.address(address);
		if (!perClient.tryAcquire(client) || a != null && !perAddress.tryAcquire(a)) {
			return Requested.TOO_MANY;
		}
		if (a == null || book.accountOf(a).isEmpty()) {
			return Requested.SENT_IF_KNOWN;
		}
		String token = Secrets.token();
		long now = clock.millis();
		jdbc.sql("delete from account_sign_in where expires_at < ?").param(now - Duration.ofDays(1).toMillis()).update();
		jdbc.sql("insert into account_sign_in (token_hash, address, expires_at) values (?,?,?)")
				.params(Secrets.hash(token), a, now + validity.toMillis()).update();
		mails.send("account-sign-in", a, "/backpack/sign-in/" + token, validity, locale);
		return Requested.SENT_IF_KNOWN;
	}

	/** Whether the link is live (unused, not expired): the page then offers to sign in. */
	boolean live(String token) {
		return token.length() <= 64 && jdbc.sql("select count(*) from account_sign_in where token_hash=? and used_at is null and expires_at > ?")
				.params(Secrets.hash(token), clock.millis()).query(Integer.class).single() > 0;
	}

	/** Uses the link up: the account of its address, or empty when it is unknown, used or expired. */
	@Transactional
	Optional<String> use(String token) {
		if (token.length() > 64) {
			return Optional.empty();
		}
		String hash = Secrets.hash(token);
		long now = clock.millis();
		if (jdbc.sql("update account_sign_in set used_at=? where token_hash=? and used_at is null and expires_at > ?")
				.params(now, hash, now).update() != 1) {
			return Optional.empty();
		}
		String address = jdbc.sql("select address from account_sign_in where token_hash=?").param(hash).query(String.class).single();
		Optional<String> account = book.accountOf(address);
		account.ifPresent(a -> book.told(a, "SIGNED_IN", "mailed link"));
		return account;
	}
}
