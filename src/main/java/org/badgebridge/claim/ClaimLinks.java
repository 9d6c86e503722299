package org.badgebridge.claim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Claim links: random tokens of which only a SHA-256 hash is stored, with an expiry; a new link kills the old. A reminder
 * adds a second link to the same award with the same expiry (the window does not grow; the first mail's link keeps working).
 */
@Service
public class ClaimLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration expiry;

	/** The links of an award whose window ends soon and that nobody used: when the window ends, when it was opened. */
	public record Open(String awardId, Instant expiresAt, Instant createdAt) {
	}

	/** A link: its award, its end, when it was used, and the address it was mailed to (null for a link of no mail). */
	public record Link(String awardId, Instant expiresAt, Instant usedAt, String sentTo) {

		public boolean expired(Instant now) {
			return now.isAfter(expiresAt);
		}
	}

	public ClaimLinks(JdbcClient jdbc, Clock clock, @Value("${badgebridge.claim.link-expiry:82d}") Duration expiry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.expiry = expiry;
	}

	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public Instant expiryFromNow() {
		return Instant.ofEpochMilli(clock.millis() + expiry.toMillis());
	}

	/** Stores a token of no mail (its address unknown: claiming by it signs nobody in), replacing earlier links. */
	public void store(String awardId, String token, Instant expiresAt) {
		store(awardId, token, expiresAt, null);
	}

	/** Stores a token mailed to {@code sentTo} for an award, replacing any earlier link of that award (the old link dies). */
	public void store(String awardId, String token, Instant expiresAt, String sentTo) {
		if (jdbc.sql("select count(*) from claim_link where award_id=?").param(awardId).query(Integer.class).single() > 0) {
			jdbc.sql("delete from claim_link where award_id=?").param(awardId).update();
		}
		jdbc.sql("insert into claim_link (token_hash, award_id, expires_at, created_at, sent_to) values (?,?,?,?,?)")
				.params(hash(token), awardId, expiresAt.toEpochMilli(), clock.millis(), sentTo).update();
	}

	/** A further link to the award's current window, for a reminder: same expiry, earlier links stay valid. */
	public void addToWindow(String awardId, String token, Instant expiresAt, String sentTo) {
		jdbc.sql("insert into claim_link (token_hash, award_id, expires_at, created_at, sent_to) values (?,?,?,?,?)")
				.params(hash(token), awardId, expiresAt.toEpochMilli(), clock.millis(), sentTo).update();
	}

	/** Awards whose unused link ends within {@code within} from now (and has not ended), oldest window first. */
	public java.util.List<Open> endingWithin(Duration within, int limit) {
		long now = clock.millis();
		return jdbc.sql("""
				select award_id, max(expires_at), min(created_at) from claim_link where used_at is null and expires_at>? and expires_at<=?
				  and award_id not in (select award_id from claim_link where used_at is not null)
				group by award_id order by max(expires_at) limit ?""")
				.params(now, now + within.toMillis(), limit)
				.query((rs, i) -> new Open(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3))))
				.list();
	}

	public Optional<Link> resolve(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select award_id, expires_at, used_at, sent_to from claim_link where token_hash=?").param(hash(token))
				.query(ClaimLinks::link).optional();
	}

	/** The award's live link, if a claim mail with one was sent: its expiry and whether it was used. */
	public Optional<Link> forAward(String awardId) {
		return jdbc.sql("select award_id, expires_at, used_at, sent_to from claim_link where award_id=? order by created_at desc").param(awardId)
				.query(ClaimLinks::link).list().stream().findFirst();
	}

	/** A row of {@code award_id, expires_at, used_at, sent_to}. */
	private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long used = rs.getLong(3);
		Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used); // wasNull refers to the column read last
		return new Link(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), usedAt, rs.getString(4));
	}

	/** Ends every link of the award (its holder deleted their data). */
	public void forgetAward(String awardId) {
		jdbc.sql("delete from claim_link where award_id=?").param(awardId).update();
	}

	/** Marks the award's link used: the badge was claimed, by the link or in the course's badge panel. */
	public void markUsedForAward(String awardId) {
		jdbc.sql("update claim_link set used_at=? where award_id=? and used_at is null").params(clock.millis(), awardId).update();
	}

	/** Ends every link of the award (retention of an unclaimed award): its claim page then knows no such link. */
	public void endForAward(String awardId) {
		jdbc.sql("delete from claim_link where award_id=?").param(awardId).update();
	}

	public void markUsed(String token) {
		jdbc.sql("update claim_link set used_at=? where token_hash=? and used_at is null").params(clock.millis(), hash(token)).update();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
