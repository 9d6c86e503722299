package org.badgebridge.credential;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;

/**
 * Open Badges 3.0 {@code OpenBadgeCredential}s, minted once per award when the learner has claimed it (the
 * claim proved control of the address). Each carries a Data Integrity proof ({@code eddsa-rdfc-2022}) and is
 * also issued as a VC-JWT (RS256) over the same credential; both are stored, so every download is the same.
 * This class owns minting (the checks, the free status index, signing, storing once) and lookup; the JSON
 * document itself, with the EU micro-credential elements that OB 3.0 does not define, is built by
 * {@link OpenBadgeCredentialDocuments}.
 */
@Service
public class OpenBadges3 {

	private static final Logger log = LoggerFactory.getLogger(OpenBadges3.class);

	/** The stored credential of an award: JSON with its proof, and the VC-JWT. */
	public record Issued(String awardId, String credentialId, String json, String jwt, int statusIndex, Instant issuedAt) {
	}

	/** Why a credential cannot be minted (yet), in words for the learner or teacher. */
	public static class NotIssuable extends RuntimeException {

		public NotIssuable(String message) {
			super(message);
		}
	}

	private final Awards awards;

	private final Badges badges;

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	private final DataIntegrity integrity;

	private final StatusLists statusLists;

	private final OpenBadgeCredentialDocuments documents;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<MintedCredentialCheck> checks;

	private final io.micrometer.core.instrument.Counter issuedCount;

	private final VcJwts vcJwts;

	OpenBadges3(Awards awards, Badges badges, CredentialKeys keys, CredentialSettings settings, DataIntegrity integrity,
			StatusLists statusLists, OpenBadgeCredentialDocuments documents, JdbcClient jdbc, Clock clock,
			ObjectProvider<MintedCredentialCheck> checks, io.micrometer.core.instrument.MeterRegistry metrics, VcJwts vcJwts) {
		this.vcJwts = vcJwts;
		this.issuedCount = io.micrometer.core.instrument.Counter.builder("badgebridge.credentials.issued")
				.description("Open Badges 3.0 credentials minted").tag("format", "ob3").register(metrics);
		this.checks = checks;
		this.awards = awards;
		this.badges = badges;
		this.keys = keys;
		this.settings = settings;
		this.integrity = integrity;
		this.statusLists = statusLists;
		this.documents = documents;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean exists(String awardId) {
		return jdbc.sql("select count(*) from ob3_credential where award_id=?").param(awardId).query(Integer.class).single() > 0;
	}

	public Optional<Issued> find(String awardId) {
		return jdbc.sql("select award_id, credential_id, credential_json, credential_jwt, status_index, issued_at from ob3_credential where award_id=?")
				.param(awardId).query((rs, i) -> new Issued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6)))).optional();
	}

	static final java.time.Duration CONCURRENT_MINT_WAIT = java.time.Duration.ofSeconds(10);

	/**
	 * The award's credential issued afresh when one is stored (same id and status index: what it says follows the
	 * award and the learner's choices now, e.g. whether it names them), else minted as {@link #issue} does. When the
	 * award can no longer be issued (revoked, say), the stored one stays.
	 */
	public Issued reissue(String awardId) {
		Optional<Issued> existing = find(awardId);
		return existing.isPresent() ? reissue(existing.get()) : issue(awardId);
	}

	/**
	 * The award's credential, minted now if it is claimed and has none yet, or issued again if it is stored in an
	 * earlier shape.
	 */
	public Issued issue(String awardId) {
		Optional<Issued> existing = find(awardId);
		if (existing.isPresent()) {
			return CredentialShape.current(existing.get().json()) ? existing.get() : reissue(existing.get());
		}
		Award award = awards.find(awardId).orElseThrow(() -> new NotIssuable("There is no such award."));
		Contents contents = contents(award);
		CredentialKeys.Ed25519Key key = keys.ed25519();
		for (int attempt = 0; attempt < 20; attempt++) {
			try {
				int index = statusLists.freeIndex(attempt);
				Issued issued = sign(contents, "urn:uuid:" + UUID.randomUUID(), index, key);
				jdbc.sql("""
						insert into ob3_credential (award_id, credential_id, issuer_id, status_index, di_kid, jwt_kid, credential_json,
						  credential_jwt, issued_at) values (?,?,?,?,?,?,?,?,?)""")
						.params(award.id(), issued.credentialId(), settings.issuerId(key), index, key.kid(),
								keys.rsa().getKeyID(), issued.json(), issued.jwt(), issued.issuedAt().toEpochMilli())
						.update();
				log.info("Issued OpenBadgeCredential {} for award {}", issued.credentialId(), award.id());
				issuedCount.increment();
				return issued;
			}
			catch (DuplicateKeyException ex) {
				Optional<Issued> concurrent = find(awardId);
				if (concurrent.isPresent()) {
					return concurrent.get(); // minted by another node or request
				}
				// the status index was taken meanwhile: try another
			}
			catch (org.springframework.dao.PessimisticLockingFailureException | org.springframework.dao.QueryTimeoutException ex) {
				// another request or node is minting this award's credential and its transaction still holds the award's
				// row or the credential's key: wait for it to commit rather than fail
				Optional<Issued> concurrent = awaitConcurrent(awardId);
				if (concurrent.isPresent()) {
					return concurrent.get();
				}
			}
		}
		throw new IllegalStateException("No free status list index found for award " + awardId);
	}

	/** The credential another transaction is minting, once it commits (at most a few seconds). */
	private Optional<Issued> awaitConcurrent(String awardId) {
		long until = clock.millis() + CONCURRENT_MINT_WAIT.toMillis();
		Optional<Issued> found = find(awardId);
		while (found.isEmpty() && clock.millis() < until) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			found = find(awardId);
		}
		return found;
	}

	/** What a credential of the award says; refused while the award is not claimed, revoked or lacks EU elements. */
	private record Contents(Award award, BadgeClass badge, IssuerProfile issuer, BadgeDetails details, String email) {
	}

	private Contents contents(Award award) {
		if (!award.claimed()) {
			throw new NotIssuable("The badge has not been claimed yet: the credential is made when the learner claims it.");
		}
		if (award.revoked()) {
			throw new NotIssuable("The badge was revoked, so no credential is issued for it.");
		}
		if (award.declined()) {
			throw new NotIssuable("The badge was declined, so no credential is issued for it.");
		}
		String email = awards.recipientEmail(award);
		if (email == null) {
			throw new NotIssuable("No verified email address is known for the learner yet.");
		}
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		IssuerProfile issuer = badges.issuer(badge);
		BadgeDetails details = badge.details().withIssuer(issuer);
		List<String> missing = details.missingForMicroCredential();
		if (!missing.isEmpty()) {
			throw new NotIssuable("This micro-credential lacks mandatory EU elements: " + String.join(", ", missing) + ".");
		}
		return new Contents(award, badge, issuer, details, email);
	}

	/**
	 * A credential stored in an earlier shape (a status entry per list, an unchosen name, one proof object), issued
	 * again in today's shape with the same id and status index, so copies handed out before stay verifiable and are
	 * still recognised as this award's. When the award can no longer be issued (revoked, say), the stored one stays.
	 */
	private Issued reissue(Issued old) {
		Contents contents;
		try {
			contents = contents(awards.find(old.awardId()).orElseThrow(() -> new NotIssuable("There is no such award.")));
		}
		catch (NotIssuable ex) {
			return old;
		}
		CredentialKeys.Ed25519Key key = keys.ed25519();
		Issued renewed = sign(contents, old.credentialId(), old.statusIndex(), key);
		int updated = jdbc.sql("""
				update ob3_credential set issuer_id=?, di_kid=?, jwt_kid=?, credential_json=?, credential_jwt=?, issued_at=?
				where award_id=? and issued_at=?""")
				.params(settings.issuerId(key), key.kid(), keys.rsa().getKeyID(), renewed.json(), renewed.jwt(),
						renewed.issuedAt().toEpochMilli(), old.awardId(), old.issuedAt().toEpochMilli())
				.update();
		if (updated == 0) {
			return find(old.awardId()).orElse(renewed); // renewed meanwhile by another request
		}
		log.info("Re-issued OpenBadgeCredential {} for award {} in the current shape", old.credentialId(), old.awardId());
		return renewed;
	}

	/**
	 * A credential of the award bound to a holder's key ({@code credentialSubject.id}, a DID), minted afresh and not
	 * stored: the stored credential's achievement, issuer, proof suite and status entry (so revocation reaches it too).
	 */
	public Issued issueBoundTo(String awardId, String subjectId) {
		if (subjectId == null || !subjectId.startsWith("did:")) {
			throw new IllegalArgumentException("The subject of a holder-bound credential is a DID.");
		}
		Issued stored = issue(awardId);
		Contents contents = contents(awards.find(awardId).orElseThrow(() -> new NotIssuable("There is no such award.")));
		Issued bound = sign(contents, "urn:uuid:" + UUID.randomUUID(), stored.statusIndex(), keys.ed25519(), subjectId);
		log.info("Issued holder-bound OpenBadgeCredential {} for award {}", bound.credentialId(), awardId);
		return bound;
	}

	private Issued sign(Contents contents, String credentialId, int index, CredentialKeys.Ed25519Key key) {
		return sign(contents, credentialId, index, key, null);
	}

	private Issued sign(Contents contents, String credentialId, int index, CredentialKeys.Ed25519Key key, String subjectId) {
		Award award = contents.award();
		Instant now = Instant.ofEpochMilli(clock.millis());
		Map<String, Object> credential = documents.credential(credentialId, award, contents.badge(), contents.issuer(),
				contents.details(), contents.email(), index, settings.issuerId(key));
		if (subjectId != null) {
			@SuppressWarnings("unchecked")
			Map<String, Object> subject = (Map<String, Object>) credential.get("credentialSubject");
			subject.put("id", subjectId);
		}
		String json = CredentialShape.proofAsArray(integrity.sign(JSONObjectUtils.toJSONString(credential), key, now)).toString();
		String jwt = vcJwts.sign(json);
		checks.orderedStream().forEach(check -> {
			check.check(json);
			check.check(CredentialShape.jwtPayload(jwt));
		});
		return new Issued(award.id(), credentialId, json, jwt, index, now);
	}

	static String iso(Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
	}

}
