package org.badgebridge.credential;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.badgebridge.credential.internal.PrivateKeys;

/**
 * The keys that sign credentials: an Ed25519 key for Data Integrity proofs ({@code eddsa-rdfc-2022}) and an
 * RSA key for VC-JWT (RS256, the Open Badges 3.0 minimum). Unlike the short-lived LTI keys they are never
 * deleted: a credential can be checked as long as it exists. Private parts are stored encrypted.
 */
@Service
public class CredentialKeys {

	public static final String ED25519 = "Ed25519";

	public static final String RS256 = "RS256";

	/** A public key: its id, algorithm and (for Ed25519) the raw 32 bytes, (for RSA) the JWK. */
	public record PublicKey(String kid, String algorithm, byte[] raw, JWK jwk) {

		/** The multibase (base58btc) Multikey value of an Ed25519 key: {@code z6Mk...}. */
		public String multibase() {
			return Multikeys.ed25519PublicKey(raw);
		}
	}

	/** An Ed25519 signing key: public and raw private (seed) bytes. */
	public record Ed25519Key(String kid, byte[] publicKey, byte[] privateKey) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PrivateKeys privateKeys;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	/** Joins the caller's transaction (or opens one): a rotation's keys and its event commit together. */
	private final org.springframework.transaction.support.TransactionTemplate rotations;

	private final org.springframework.context.ApplicationEventPublisher events;

	private volatile Ed25519Key ed25519;

	private volatile RSAKey rsa;

	/** When this node last made sure its cached keys are the newest (another node may have rotated). */
	private volatile long checkedAt;

	public CredentialKeys(JdbcClient jdbc, Clock clock, PrivateKeys privateKeys,
			org.springframework.transaction.PlatformTransactionManager transactionManager,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.rotations = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.clock = clock;
		this.privateKeys = privateKeys;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		// its own short transaction, also when asked from inside another (a listener's): the lock is held only
		// while the key is made, and the key is committed before anyone else looks
		this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Makes sure both keys exist before the first request: created lazily from inside a request's or listener's
	 * transaction, the creation would need a second connection per thread, and a burst of first issues could
	 * then exhaust the pool.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	public void ensureKeys() {
		ed25519();
		rsa();
	}

	/**
	 * Makes a new Ed25519 and a new RSA key the current ones and publishes {@link CredentialKeysRotated} in the same
	 * transaction. The previous keys are kept and stay published (did.json, the JWKS), so credentials signed with them
	 * still verify; with a did:key issuer the new Ed25519 key is a new issuer id for the credentials signed from now on.
	 *
	 * @return the new key ids, Ed25519 first, comma-separated
	 */
	public String rotate(String actor) {
		String ids = rotations.execute(status -> {
			for (String algorithm : List.of(ED25519, RS256)) { // the creation's lock rows, in a fixed order
				jdbc.sql("select val from credential_setting where name=? for update").param("key-lock-" + algorithm)
						.query(String.class).single();
			}
			String rotated = create(ED25519) + "," + create(RS256);
			events.publishEvent(new CredentialKeysRotated(rotated, actor));
			return rotated;
		});
		forget();
		return ids;
	}

	/** Drops the cached current keys when another node may have rotated since they were read (checked once a minute). */
	private void refresh() {
		long now = clock.millis();
		if (now - checkedAt < 60_000) {
			return;
		}
		checkedAt = now;
		Ed25519Key ed = ed25519;
		RSAKey r = rsa;
		if ((ed != null && !newest(ED25519).orElse("").equals(ed.kid()))
				|| (r != null && !newest(RS256).orElse("").equals(r.getKeyID()))) {
			forget();
		}
	}

	private void forget() {
		ed25519 = null;
		rsa = null;
	}

	/** The Ed25519 key that signs new credentials (created on first use). */
	public Ed25519Key ed25519() {
		refresh();
		Ed25519Key key = ed25519;
		if (key == null) {
			String kid = newest(ED25519).orElseGet(() -> createOnce(ED25519));
			byte[] pkcs8 = privateKeys.decrypt(kid);
			key = new Ed25519Key(kid, publicKey(kid).orElseThrow().raw(), rawEd25519Private(pkcs8));
			ed25519 = key;
		}
		return key;
	}

	/** The RSA key that signs new VC-JWTs (created on first use). */
	public RSAKey rsa() {
		refresh();
		RSAKey key = rsa;
		if (key == null) {
			String kid = newest(RS256).orElseGet(() -> createOnce(RS256));
			try {
				key = RSAKey.parse(new String(privateKeys.decrypt(kid), java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (ParseException ex) {
				throw new IllegalStateException(ex);
			}
			rsa = key;
		}
		return key;
	}

	/** A key that signs now: its id, algorithm and when it was made (its age). */
	public record CurrentKey(String kid, String algorithm, java.time.Instant createdAt) {
	}

	/** The newest key of each algorithm (the one that signs), by algorithm. */
	public List<CurrentKey> current() {
		return listed().stream().filter(KeyInfo::current)
				.map(k -> new CurrentKey(k.kid(), k.algorithm(), java.time.Instant.ofEpochMilli(k.createdAt())))
				.sorted(java.util.Comparator.comparing(CurrentKey::algorithm)).toList();
	}

	/** A credential key as the keys page lists it. */
	public record KeyInfo(String kid, String algorithm, long createdAt, boolean current) {
	}

	/** Every credential key ever made, newest first, each saying whether it signs new credentials. */
	public List<KeyInfo> listed() {
		List<KeyInfo> listed = jdbc.sql("select kid, algorithm, created_at from credential_key order by created_at desc, kid desc")
				.query((rs, i) -> new KeyInfo(rs.getString(1), rs.getString(2), rs.getLong(3), false)).list();
		java.util.Set<String> seen = new java.util.HashSet<>();
		return listed.stream().map(k -> new KeyInfo(k.kid(), k.algorithm(), k.createdAt(), seen.add(k.algorithm()))).toList();
	}

	/** Every credential key ever made, public parts only, oldest first. */
	public List<PublicKey> all() {
		return jdbc.sql("select kid, algorithm, public_jwk from credential_key order by created_at, kid")
				.query((rs, i) -> toPublic(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	public Optional<PublicKey> publicKey(String kid) {
		return jdbc.sql("select kid, algorithm, public_jwk from credential_key where kid=?").param(kid)
				.query((rs, i) -> toPublic(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
	}

	/** The RSA public keys as a JWK set (what VC-JWT verifiers fetch), each under the key id JWT headers use. */
	public JWKSet rsaJwks(java.util.function.UnaryOperator<String> keyIds) {
		return new JWKSet(all().stream().filter(k -> RS256.equals(k.algorithm())).map(k -> withKeyId(k.jwk(), keyIds.apply(k.kid())))
				.toList());
	}

	public static JWK withKeyId(JWK jwk, String kid) {
		return new RSAKey.Builder(jwk.toRSAKey()).keyID(kid).build();
	}

	private Optional<String> newest(String algorithm) {
		return jdbc.sql("select kid from credential_key where algorithm=? order by created_at desc, kid desc").param(algorithm)
				.query(String.class).list().stream().findFirst();
	}

	/**
	 * Creates the first key of an algorithm exactly once, also when several threads or nodes ask at the same
	 * moment: they queue on a lock row (made by migration V13), and all but the first find the key made.
	 */
	private String createOnce(String algorithm) {
		String lock = "key-lock-" + algorithm; // rows made by the migration
		return transactions.execute(status -> {
			jdbc.sql("select val from credential_setting where name=? for update").param(lock).query(String.class).single();
			return newest(algorithm).orElseGet(() -> create(algorithm));
		});
	}

	private String create(String algorithm) {
		String kid = (ED25519.equals(algorithm) ? "ed-" : "rsa-") + UUID.randomUUID().toString().substring(0, 13);
		String publicJwk;
		byte[] privatePart;
		try {
			if (ED25519.equals(algorithm)) {
				java.security.KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				byte[] raw = rawEd25519Public((EdECPublicKey) pair.getPublic());
				publicJwk = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
				privatePart = pair.getPrivate().getEncoded();
			}
			else {
				RSAKey key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE)
						.algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).generate();
				publicJwk = key.toPublicJWK().toJSONString();
				privatePart = key.toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		// later than every key of its kind, also within the same millisecond: the newest signs
		long createdAt = Math.max(clock.millis(), jdbc.sql("select coalesce(max(created_at), 0) + 1 from credential_key where algorithm=?")
				.param(algorithm).query(Long.class).single());
		jdbc.sql("insert into credential_key (kid, algorithm, public_jwk, private_encrypted, created_at) values (?,?,?,?,?)")
				.params(kid, algorithm, publicJwk, privateKeys.encrypt(privatePart, kid), createdAt).update();
		Arrays.fill(privatePart, (byte) 0);
		return kid;
	}

	private static PublicKey toPublic(String kid, String algorithm, String stored) {
		if (ED25519.equals(algorithm)) {
			return new PublicKey(kid, algorithm, Base64.getUrlDecoder().decode(stored), null);
		}
		try {
			return new PublicKey(kid, algorithm, null, JWK.parse(stored));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** RFC 8032 encoding of an Ed25519 public key: the last 32 bytes of its X.509 form. */
	static byte[] rawEd25519Public(EdECPublicKey key) {
		byte[] encoded = key.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	/** The 32-byte seed inside a PKCS#8 Ed25519 key. */
	static byte[] rawEd25519Private(byte[] pkcs8) {
		try {
			KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)); // checks the form
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored Ed25519 key is not PKCS#8", ex);
		}
		return Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
	}
}
