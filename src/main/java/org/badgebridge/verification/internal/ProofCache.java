package org.badgebridge.verification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.badgebridge.award.AwardRevoked;
import org.badgebridge.credential.CredentialKeysRotated;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.platform.ToolKeysRotated;

/**
 * Outcomes of Data Integrity proof checks, in memory, keyed on the SHA-256 of the credential's bytes as submitted
 * (the JSON text, or the JSON a baked image carries): the same bytes, checked again, get the same answer about their
 * proof without canonicalising them again. Only the proof's outcome is kept: the issuer, dates, status lists and
 * recipient are checked afresh on every request, so a revocation or suspension shows at once. Bounded in entries
 * ({@code badgebridge.verify.cache.max-entries}, 0 turns it off) and in time ({@code badgebridge.verify.cache.ttl});
 * emptied when credential or tool keys rotate and when an award is revoked. A check that was running while the cache
 * was emptied does not put its outcome in.
 */
@Component
class ProofCache {

	/** What a proof check found: null {@code failure} when it verified; else the exception it threw. */
	record Outcome(DataIntegrity.ProofInvalid failure) {
	}

	/** Something that checks a proof and may throw what {@link DataIntegrity#verify} throws. */
	interface ProofCheck {

		void verify(JsonObject document) throws DataIntegrity.ProofInvalid;
	}

	private final Cache<String, Outcome> outcomes;

	private final boolean enabled;

	private final AtomicLong generation = new AtomicLong();

	ProofCache(@Value("${badgebridge.verify.cache.max-entries:10000}") int maxEntries,
			@Value("${badgebridge.verify.cache.ttl:PT1H}") Duration ttl) {
		this.enabled = maxEntries > 0;
		this.outcomes = Caffeine.newBuilder().maximumSize(Math.max(0, maxEntries)).expireAfterWrite(ttl).executor(Runnable::run).build();
	}

	/**
	 * Checks the document's proof, or answers from an earlier check of exactly these bytes.
	 *
	 * @throws DataIntegrity.ProofInvalid (or a subclass) as the check threw it, also when answered from the cache
	 */
	void verify(String bytes, JsonObject document, ProofCheck check) throws DataIntegrity.ProofInvalid {
		if (!enabled) {
			check.verify(document);
			return;
		}
		String key = sha256(bytes);
		Outcome outcome = outcomes.getIfPresent(key);
		if (outcome == null) {
			long started = generation.get();
			try {
				check.verify(document);
				outcome = new Outcome(null);
			}
			catch (DataIntegrity.TooComplex ex) {
				throw ex; // its bounds include time, which depends on the machine's load: not kept
			}
			catch (DataIntegrity.ProofInvalid ex) {
				outcome = new Outcome(ex);
			}
			if (generation.get() == started) {
				outcomes.put(key, outcome);
			}
		}
		if (outcome.failure() != null) {
			throw outcome.failure();
		}
	}

	/** Entries held now (after pending evictions). */
	long size() {
		outcomes.cleanUp();
		return outcomes.estimatedSize();
	}

	void clear() {
		generation.incrementAndGet();
		outcomes.invalidateAll();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CredentialKeysRotated rotated) {
		clear();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ToolKeysRotated rotated) {
		clear();
	}

	/** Not needed for correctness (the status is checked on every request); a revoked award's copies are dropped anyway. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AwardRevoked revoked) {
		clear();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
