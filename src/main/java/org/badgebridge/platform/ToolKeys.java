package org.badgebridge.platform;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import org.badgebridge.infrastructure.KeyEncryption;

/**
 * The tool's RSA signing keys (for client assertions and Deep Linking responses), kept in the database so
 * that every node signs with the same key. The newest unretired key signs; a rotated-out key stays in the
 * JWKS for {@code badgebridge.keys.retired-retention} so that tokens signed with it still verify. The private JWKs
 * are stored encrypted with {@link KeyEncryption}, bound to their kid (keys stored in plain text by earlier versions
 * are encrypted by migration V25); they are decrypted when loaded and cached as parsed keys.
 */
@Service
public class ToolKeys {

	private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

	private static final int KEY_SIZE = 2048;

	private final JdbcClient jdbc;

	private final KeyEncryption encryption;

	private final Clock clock;

	private final Duration rotationPeriod;

	private final Duration retiredRetention;

	private volatile Cached cached;

	private record Cached(RSAKey current, JWKSet published, long loadedAt) {
	}

	private record StoredKey(String kid, String jwk, long createdAt, Long retiredAt) {
	}

	/** A published key as the keys page shows it: created, retired (null while current) and published until (null: while current). */
	public record PublishedKey(String kid, long createdAt, Long retiredAt, Long publishedUntil) {

		public boolean current() {
			return retiredAt == null;
		}
	}

	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	public ToolKeys(JdbcClient jdbc, KeyEncryption encryption, Clock clock,
			@Value("${badgebridge.keys.rotation-period}") Duration rotationPeriod,
			@Value("${badgebridge.keys.retired-retention}") Duration retiredRetention,
			org.springframework.context.ApplicationEventPublisher events,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.events = events;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.clock = clock;
		this.rotationPeriod = rotationPeriod;
		this.retiredRetention = retiredRetention;
	}

	/** The key that signs now (with its private part). */
	public RSAKey current() {
		return load().current();
	}

	/**
	 * The public keys to publish: the current one and those retired within the retention period. Re-checked against
	 * the database's current key on every call, so that a key another node has just rotated to (and signs with) is
	 * published by this node at once, not when its cache expires.
	 */
	public JWKSet publicJwks() {
		Cached c = load();
		String newest = jdbc.sql("select kid from tool_key where retired_at is null order by created_at desc, kid desc limit 1")
				.query(String.class).optional().orElse(null);
		if (newest != null && !newest.equals(c.current().getKeyID())) {
			cached = null;
			c = load();
		}
		return c.published();
	}

	/** The key that signs now, by its id, and when it was made (its age). */
	public record CurrentKey(String kid, java.time.Instant createdAt) {
	}

	/** The current key's id and creation time (the first key is made now if there is none yet). */
	public java.util.Optional<CurrentKey> currentKey() {
		load();
		return jdbc.sql("select kid, created_at from tool_key where retired_at is null order by created_at desc, kid desc limit 1")
				.query((rs, i) -> new CurrentKey(rs.getString(1), java.time.Instant.ofEpochMilli(rs.getLong(2)))).optional();
	}

	/** Signs claims as an RS256 JWT with our current key's kid and {@code typ: JWT}. */
	public String sign(JWTClaimsSet claims) {
		RSAKey key = current();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
					.type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing with tool key " + key.getKeyID() + " failed", ex);
		}
	}

	/**
	 * Makes a new current key (the previous one stays published for the retention period) and publishes
	 * {@link ToolKeysRotated} in the same transaction; {@code actor} is the admin's name or {@code schedule}.
	 */
	public synchronized RSAKey rotate(String actor) {
		RSAKey rotated = transactions.execute(status -> {
			RSAKey fresh = newCurrentKey();
			events.publishEvent(new ToolKeysRotated(fresh.getKeyID(), actor));
			return fresh;
		});
		cached = null; // also after the commit: a load in between may have cached the previous key
		return rotated;
	}

	/** The keys published now, newest first, with when each was made and until when a retired one stays published. */
	public List<PublishedKey> published() {
		long now = clock.millis();
		return stored(now).stream().map(k -> new PublishedKey(k.kid(), k.createdAt(), k.retiredAt(),
				k.retiredAt() == null ? null : k.retiredAt() + retiredRetention.toMillis())).toList();
	}

	private synchronized RSAKey newCurrentKey() {
		long now = clock.millis();
		RSAKey fresh = generate();
		jdbc.sql("update tool_key set retired_at = ? where retired_at is null").param(now).update();
		jdbc.sql("insert into tool_key (kid, private_jwk, created_at) values (?,?,?)")
				.params(fresh.getKeyID(), seal(encryption, fresh.toJSONString(), fresh.getKeyID()), now).update();
		cached = null;
		log.info("Tool signing key rotated: {} signs from now on", fresh.getKeyID());
		return fresh;
	}

	/** Rotates when the current key is older than the rotation period; forgets long-retired keys. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	public void rotateWhenDue() {
		long now = clock.millis();
		Long newest = jdbc.sql("select max(created_at) from tool_key where retired_at is null").query(Long.class).optional()
				.orElse(null);
		if (newest != null && now - newest > rotationPeriod.toMillis()) {
			rotate("schedule");
		}
		// keep a year of retired keys for audit; they are no longer published after the retention period
		jdbc.sql("delete from tool_key where retired_at is not null and retired_at < ?")
				.param(now - Duration.ofDays(365).toMillis()).update();
	}

	private Cached load() {
		Cached c = cached;
		long now = clock.millis();
		if (c != null && now - c.loadedAt() < 60_000) {
			return c;
		}
		synchronized (this) {
			List<StoredKey> keys = stored(now);
			if (keys.stream().noneMatch(k -> k.retiredAt() == null)) {
				newCurrentKey(); // the first key (or one after all were retired): no rotation to announce
				keys = stored(now);
			}
			RSAKey current = null;
			List<com.nimbusds.jose.jwk.JWK> published = new ArrayList<>();
			for (StoredKey k : keys) {
				RSAKey key = parse(new String(encryption.decrypt(k.jwk(), associatedData(k.kid())), StandardCharsets.UTF_8));
				if (k.retiredAt() == null && current == null) {
					current = key;
				}
				published.add(key.toPublicJWK());
			}
			c = new Cached(current, new JWKSet(published), now);
			cached = c;
			return c;
		}
	}

	private List<StoredKey> stored(long now) {
		return jdbc.sql("select kid, private_jwk, created_at, retired_at from tool_key where retired_at is null or retired_at > ? order by created_at desc, kid desc")
				.param(now - retiredRetention.toMillis())
				.query((rs, i) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getLong(3),
						rs.getObject(4) == null ? null : rs.getLong(4)))
				.list();
	}

	/** Encrypts a private JWK for the {@code tool_key} row of {@code kid} (also used by migration V25). */
	public static String seal(KeyEncryption encryption, String privateJwk, String kid) {
		return encryption.encrypt(privateJwk.getBytes(StandardCharsets.UTF_8), associatedData(kid));
	}

	/** The kid as bound into the ciphertext, prefixed so that it cannot collide with another module's key ids. */
	static String associatedData(String kid) {
		return "tool_key:" + kid;
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored tool key is unreadable", ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
					.keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}
}
