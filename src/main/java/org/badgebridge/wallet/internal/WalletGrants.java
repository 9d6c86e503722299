package org.badgebridge.wallet.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secrets of the pre-authorized code flow, each stored only as its SHA-256 hash: an offer's code (single use, at
 * most {@link #OFFER_LIFETIME}) with its optional numeric transaction code, the access token it is exchanged for
 * (short-lived, bound to the award) and the {@code c_nonce}s a proof must carry (single use).
 */
@Service
class WalletGrants {

	static final Duration OFFER_LIFETIME = Duration.ofMinutes(10);

	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

	static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

	/** Wrong transaction codes an offer takes before its code is used up (a 6-digit code is not guessed in three). */
	static final int MAX_TX_FAILURES = 3;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new offer: the code for the wallet, the transaction code for the learner's eyes (or null). */
	record Offer(String code, String txCode, long expiresAt) {
	}

	/** Why a token request is refused: the OAuth error code. */
	static final class Refused extends RuntimeException {

		final String error;

		Refused(String error, String description) {
			super(description);
			this.error = error;
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	WalletGrants(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Offer offer(String awardId, boolean withTxCode) {
		String code = secret();
		String tx = withTxCode ? String.format("%06d", RANDOM.nextInt(1_000_000)) : null;
		long expires = clock.millis() + OFFER_LIFETIME.toMillis();
		jdbc.sql("insert into wallet_offer (code_hash, award_id, tx_code_hash, expires_at) values (?,?,?,?)")
				.params(hash(code), awardId, tx == null ? null : hash(tx), expires).update();
		return new Offer(code, tx, expires);
	}

	/** The access token for a pre-authorized code (used up now), or {@link Refused} as OpenID4VCI 1.0 §6.3 says. */
	@Transactional(noRollbackFor = Refused.class) // a wrong transaction code is counted
	String redeem(String code, String txCode) {
		if (code == null || code.isBlank()) {
			throw new Refused("invalid_request", "pre-authorized_code is missing");
		}
		record Row(String awardId, String txHash, long expiresAt, Long usedAt) {
		}
		Row row = jdbc.sql("select award_id, tx_code_hash, expires_at, used_at from wallet_offer where code_hash=? for update")
				.param(hash(code)).query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3),
						rs.getObject(4) == null ? null : rs.getLong(4))).optional()
				.orElseThrow(() -> new Refused("invalid_grant", "unknown pre-authorized code"));
		long now = clock.millis();
		if (row.usedAt() != null || now >= row.expiresAt()) {
			throw new Refused("invalid_grant", "the pre-authorized code was used or has expired");
		}
		if (row.txHash() == null && txCode != null) {
			throw new Refused("invalid_request", "no tx_code was offered");
		}
		if (row.txHash() != null && (txCode == null || txCode.isEmpty())) {
			throw new Refused("invalid_request", "tx_code is missing");
		}
		if (row.txHash() != null && !MessageDigest.isEqual(row.txHash().getBytes(), hash(txCode).getBytes())) {
			jdbc.sql("update wallet_offer set used_at=case when tx_failures+1>=? then ? else used_at end, tx_failures=tx_failures+1 where code_hash=?")
					.params(MAX_TX_FAILURES, now, hash(code)).update();
			throw new Refused("invalid_grant", "wrong tx_code");
		}
		if (jdbc.sql("update wallet_offer set used_at=? where code_hash=? and used_at is null").params(now, hash(code)).update() != 1) {
			throw new Refused("invalid_grant", "the pre-authorized code was used");
		}
		String token = secret();
		jdbc.sql("insert into wallet_token (token_hash, award_id, expires_at) values (?,?,?)")
				.params(hash(token), row.awardId(), now + TOKEN_LIFETIME.toMillis()).update();
		return token;
	}

	/** The award a live access token was issued for. */
	Optional<String> awardOf(String token) {
		return jdbc.sql("select award_id from wallet_token where token_hash=? and expires_at>?")
				.params(hash(token), clock.millis()).query(String.class).optional();
	}

	String nonce() {
		String nonce = secret();
		jdbc.sql("insert into wallet_nonce (nonce_hash, expires_at) values (?,?)")
				.params(hash(nonce), clock.millis() + NONCE_LIFETIME.toMillis()).update();
		return nonce;
	}

	/** Whether the nonce is live and unused; it is used up by this call. */
	boolean useNonce(String nonce) {
		if (nonce == null) {
			return false;
		}
		long now = clock.millis();
		return jdbc.sql("update wallet_nonce set used_at=? where nonce_hash=? and used_at is null and expires_at>?")
				.params(now, hash(nonce), now).update() == 1;
	}

	/** Offers, tokens and nonces a day past their expiry are deleted (until then a used code still says "used"). */
	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
	void purge() {
		long before = clock.millis() - Duration.ofDays(1).toMillis();
		jdbc.sql("delete from wallet_offer where expires_at < ?").param(before).update();
		jdbc.sql("delete from wallet_token where expires_at < ?").param(before).update();
		jdbc.sql("delete from wallet_nonce where expires_at < ?").param(before).update();
	}

	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
