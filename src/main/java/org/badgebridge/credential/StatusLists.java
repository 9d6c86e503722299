package org.badgebridge.credential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.platform.ToolUrls;

/**
 * W3C Bitstring Status Lists for Open Badges 3.0 credentials: one for revocation, one for suspension. Every
 * credential gets a random index (herd privacy: a list of 131,072 entries, the spec's minimum size); its
 * {@code credentialStatus} names the revocation list, and the suspension list keeps the same index. The list credentials are signed like the credentials, and re-signed only when a bit changes.
 */
@Service
public class StatusLists {

	public static final int SIZE = 131_072;

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	public static final List<String> PURPOSES = List.of("revocation", "suspension");

	private record Signed(String digest, String json) {
	}

	private final JdbcClient jdbc;

	private final ToolUrls urls;

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	private final DataIntegrity integrity;

	private final Clock clock;

	private final Awards awards;

	private final Map<String, Signed> cache = new ConcurrentHashMap<>();

	public StatusLists(JdbcClient jdbc, ToolUrls urls, CredentialKeys keys, CredentialSettings settings, DataIntegrity integrity,
			Clock clock, Awards awards) {
		this.jdbc = jdbc;
		this.urls = urls;
		this.keys = keys;
		this.settings = settings;
		this.integrity = integrity;
		this.clock = clock;
		this.awards = awards;
	}

	public String listUrl(String purpose, int list) {
		return urls.absolute("/ob3/status/" + purpose + "/" + list);
	}

	/** A free index to try: random in the first list while attempts are few, else after the highest one. */
	int freeIndex(int attempt) {
		if (attempt < 15) {
			return RANDOM.nextInt(SIZE);
		}
		return jdbc.sql("select coalesce(max(status_index), -1) + 1 from ob3_credential").query(Integer.class).single();
	}

	/**
	 * The {@code credentialStatus} of a credential: its entry in the revocation list. OB 3.0 allows one status per
	 * credential; suspension is answered by the tool's own pages and the suspension list, which keeps a bit for every
	 * index (credentials issued before this carry an entry in both lists, and both stay maintained).
	 */
	Map<String, Object> revocationEntry(int index) {
		String list = listUrl("revocation", index / SIZE);
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("id", list + "#" + index);
		e.put("type", "BitstringStatusListEntry");
		e.put("statusPurpose", "revocation");
		e.put("statusListIndex", String.valueOf(index % SIZE));
		e.put("statusListCredential", list);
		return e;
	}

	/** The signed status list credential, or empty for an unknown purpose or a list no credential uses. */
	public Optional<String> credential(String purpose, int list) {
		if (!PURPOSES.contains(purpose) || list < 0
				|| jdbc.sql("select count(*) from ob3_credential where status_index >= ? and status_index < ?")
						.params((long) list * SIZE, (long) (list + 1) * SIZE).query(Long.class).single() == 0) {
			return Optional.empty();
		}
		byte[] bits = bits(purpose, list);
		String digest = digest(bits);
		String key = purpose + "/" + list;
		Signed cached = cache.get(key);
		if (cached != null && cached.digest().equals(digest)) {
			return Optional.of(cached.json());
		}
		String url = listUrl(purpose, list);
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("id", url + "#list");
		subject.put("type", "BitstringStatusList");
		subject.put("statusPurpose", purpose);
		subject.put("encodedList", encode(bits));
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("@context", List.of(JsonLdContexts.VC2_CONTEXT));
		c.put("id", url);
		c.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
		CredentialKeys.Ed25519Key signing = keys.ed25519();
		c.put("issuer", settings.issuerId(signing));
		Instant now = Instant.ofEpochMilli(clock.millis());
		c.put("validFrom", OpenBadges3.iso(now));
		c.put("credentialSubject", subject);
		String json = integrity.sign(JSONObjectUtils.toJSONString(c), signing, now).toString();
		cache.put(key, new Signed(digest, json));
		return Optional.of(json);
	}

	/** The list's bits: set for the credentials of awards revoked (or suspended), as the award module reports them. */
	private byte[] bits(String purpose, int list) {
		List<Award> flagged = "revocation".equals(purpose) ? awards.revoked() : awards.suspended();
		List<String> ids = flagged.stream().map(Award::id).toList();
		byte[] bits = new byte[SIZE / 8];
		for (int from = 0; from < ids.size(); from += 500) { // IN lists of bounded length
			jdbc.sql("select status_index from ob3_credential where award_id in (:ids) and status_index >= :low and status_index < :high")
					.param("ids", ids.subList(from, Math.min(from + 500, ids.size()))).param("low", (long) list * SIZE)
					.param("high", (long) (list + 1) * SIZE).query(rs -> {
						int i = rs.getInt(1) % SIZE;
						bits[i / 8] |= (byte) (0x80 >>> (i % 8)); // index 0 is the left-most bit
					});
		}
		return bits;
	}

	/** Multibase base64url (no padding) of the GZIP-compressed bitstring, as the spec encodes it. */
	static String encode(byte[] bits) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bits);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
	}

	private static String digest(byte[] bits) {
		try {
			return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bits));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
