package org.badgebridge.credential;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.platform.ToolUrls;

/**
 * Open Badges 3.0 {@code OpenBadgeCredential}s, minted once per award when the learner has claimed it (the
 * claim proved control of the address). Each carries a Data Integrity proof ({@code eddsa-rdfc-2022}) and is
 * also issued as a VC-JWT (RS256) over the same credential; both are stored, so every download is the same.
 * The EU micro-credential elements that OB 3.0 does not define use terms of our own context.
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

	private final OpenBadges2 ob2;

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	private final DataIntegrity integrity;

	private final StatusLists statusLists;

	private final ToolUrls urls;

	private final JdbcClient jdbc;

	private final Clock clock;

	public OpenBadges3(Awards awards, Badges badges, OpenBadges2 ob2, CredentialKeys keys, CredentialSettings settings,
			DataIntegrity integrity, StatusLists statusLists, ToolUrls urls, JdbcClient jdbc, Clock clock) {
		this.awards = awards;
		this.badges = badges;
		this.ob2 = ob2;
		this.keys = keys;
		this.settings = settings;
		this.integrity = integrity;
		this.statusLists = statusLists;
		this.urls = urls;
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

	/** The award's credential, minted now if it is claimed and has none yet. */
	public Issued issue(String awardId) {
		Optional<Issued> existing = find(awardId);
		if (existing.isPresent()) {
			return existing.get();
		}
		Award award = awards.find(awardId).orElseThrow(() -> new NotIssuable("There is no such award."));
		if (!award.claimed()) {
			throw new NotIssuable("The badge has not been claimed yet: the credential is made when the learner claims it.");
		}
		if (award.revoked()) {
			throw new NotIssuable("The badge was revoked, so no credential is issued for it.");
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
		CredentialKeys.Ed25519Key key = keys.ed25519();
		for (int attempt = 0; attempt < 20; attempt++) {
			int index = statusLists.freeIndex(attempt);
			Issued issued = sign(award, badge, issuer, details, email, index, key);
			try {
				jdbc.sql("""
						insert into ob3_credential (award_id, credential_id, issuer_id, status_index, di_kid, jwt_kid, credential_json,
						  credential_jwt, issued_at) values (?,?,?,?,?,?,?,?,?)""")
						.params(award.id(), issued.credentialId(), settings.issuerId(key), index, key.kid(),
								keys.rsa().getKeyID(), issued.json(), issued.jwt(), issued.issuedAt().toEpochMilli())
						.update();
				log.info("Issued OpenBadgeCredential {} for award {}", issued.credentialId(), award.id());
				return issued;
			}
			catch (DuplicateKeyException | org.springframework.dao.PessimisticLockingFailureException
					| org.springframework.dao.QueryTimeoutException ex) {
				Optional<Issued> concurrent = find(awardId);
				if (concurrent.isPresent()) {
					return concurrent.get(); // minted by another node or request
				}
				// the status index was taken meanwhile: try another
			}
		}
		throw new IllegalStateException("No free status list index found for award " + awardId);
	}

	private Issued sign(Award award, BadgeClass badge, IssuerProfile issuer, BadgeDetails details, String email, int index,
			CredentialKeys.Ed25519Key key) {
		String credentialId = "urn:uuid:" + UUID.randomUUID();
		Instant now = Instant.ofEpochMilli(clock.millis());
		Map<String, Object> credential = credential(credentialId, award, badge, issuer, details, email, index, settings.issuerId(key));
		JsonObject signed = integrity.sign(JSONObjectUtils.toJSONString(credential), key, now);
		String json = signed.toString();
		return new Issued(award.id(), credentialId, json, jwt(json), index, now);
	}

	Map<String, Object> credential(String credentialId, Award award, BadgeClass badge, IssuerProfile issuer, BadgeDetails details,
			String email, int index, String issuerId) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("@context", List.of(JsonLdContexts.VC2_CONTEXT, JsonLdContexts.OB3_CONTEXT, settings.contextUrl()));
		c.put("id", credentialId);
		c.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		c.put("name", badge.name());
		c.put("issuer", profile(issuer, issuerId, details.country()));
		c.put("validFrom", iso(award.awardedAt()));
		OpenBadges2.expires(award, badge).ifPresent(e -> c.put("validUntil", iso(e)));
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes(("subject:" + award.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		subject.put("type", List.of("AchievementSubject"));
		String salt = awards.recipientSalt(award.id());
		List<Object> identifiers = new ArrayList<>();
		identifiers.add(identity("emailAddress", OpenBadges2.hashedIdentity(email, salt), true, salt));
		if (award.recipientName() != null && !award.recipientName().isBlank()) {
			identifiers.add(identity("name", award.recipientName(), false, null));
		}
		subject.put("identifier", identifiers);
		subject.put("achievement", achievement(badge, details));
		c.put("credentialSubject", subject);
		if (award.evidence() != null && !award.evidence().isBlank()) {
			c.put("evidence", List.of(Map.of("type", List.of("Evidence"), "name", "Criteria met", "narrative", award.evidence())));
		}
		c.put("credentialStatus", statusLists.entries(index));
		return c;
	}

	/** The awarding body; its country is the badge's (EU element), which defaults to the issuer profile's. */
	private Map<String, Object> profile(IssuerProfile issuer, String issuerId, String country) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", issuerId);
		p.put("type", List.of("Profile"));
		p.put("name", issuer.name());
		p.put("url", issuer.url() != null && !issuer.url().isBlank() ? issuer.url() : urls.base());
		if (issuer.email() != null && !issuer.email().isBlank()) {
			p.put("email", issuer.email());
		}
		if (issuer.description() != null && !issuer.description().isBlank()) {
			p.put("description", issuer.description());
		}
		ob2.logoUrl(issuer.id()).ifPresent(logo -> p.put("image", Map.of("id", logo, "type", "Image")));
		if (country != null && !country.isBlank()) {
			p.put("address", Map.of("type", List.of("Address"), "addressCountryCode", country.toUpperCase(Locale.ROOT)));
		}
		return p;
	}

	private Map<String, Object> achievement(BadgeClass badge, BadgeDetails d) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("id", ob2.badgeUrl(badge.id()));
		a.put("type", List.of("Achievement"));
		a.put("achievementType", d.microCredential() ? "MicroCredential" : "Badge");
		a.put("name", badge.name());
		a.put("description", badge.description() == null || badge.description().isBlank() ? badge.name() : badge.description());
		a.put("criteria", Map.of("narrative", ob2.criteriaNarrative(badge)));
		a.put("image", Map.of("id", urls.absolute("/ob2/badges/" + badge.id() + "/image"), "type", "Image"));
		if (d.workloadValue() != null && "ECTS".equals(d.workloadUnit())) {
			a.put("creditsAvailable", number(d.workloadValue()));
		}
		if (d.language() != null && !d.language().isBlank()) {
			a.put("inLanguage", d.language());
		}
		if (d.eqfLevel() != null && !"NA".equals(d.eqfLevel())) {
			a.put("alignment", List.of(Map.of("type", List.of("Alignment"), "targetName", "EQF level " + d.eqfLevel(),
					"targetFramework", "European Qualifications Framework", "targetCode", d.eqfLevel(),
					"targetUrl", "http://data.europa.eu/snb/eqf/" + d.eqfLevel())));
		}
		// the EU elements OB 3.0 has no term for: our context defines them
		put(a, "learningOutcome", d.learningOutcomes());
		if (d.workloadValue() != null) {
			a.put("workload", number(d.workloadValue()));
			a.put("workloadUnit", d.workloadUnit());
		}
		put(a, "eqfLevel", d.eqfLevel());
		put(a, "assessmentType", d.assessmentType());
		put(a, "participation", d.participation() == null ? null : d.participation().toLowerCase(Locale.ROOT));
		put(a, "qualityAssurance", d.qualityAssurance());
		put(a, "prerequisites", d.prerequisites());
		put(a, "stackability", d.stackability() == null ? null : d.stackability().toLowerCase(Locale.ROOT));
		put(a, "awardingBody", d.awardingBody());
		put(a, "issuerCountry", d.country() == null ? null : d.country().toUpperCase(Locale.ROOT));
		return a;
	}

	/**
	 * A whole number as an integer: JSON has one number type, but JSON-LD tells 5 (xsd:integer) from 5.0
	 * (xsd:double), and Java and JavaScript processors would canonicalise "5.0" differently.
	 */
	static Number number(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
	}

	private static void put(Map<String, Object> o, String key, String value) {
		if (value != null && !value.isBlank()) {
			o.put(key, value);
		}
	}

	private static Map<String, Object> identity(String type, String hash, boolean hashed, String salt) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("type", "IdentityObject");
		o.put("identityHash", hash);
		o.put("identityType", type);
		o.put("hashed", hashed);
		if (salt != null) {
			o.put("salt", salt);
		}
		return o;
	}

	/** VC-JWT (OB 3.0 section 8.2): the credential as the payload plus iss, jti, nbf, sub, exp; RS256. */
	private String jwt(String credentialJson) {
		try {
			Map<String, Object> credential = JSONObjectUtils.parse(credentialJson);
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(credential));
			Map<String, Object> issuer = JSONObjectUtils.getJSONObject(credential, "issuer");
			claims.issuer((String) issuer.get("id"));
			claims.jwtID((String) credential.get("id"));
			claims.notBeforeTime(java.util.Date.from(Instant.parse((String) credential.get("validFrom"))));
			claims.subject((String) JSONObjectUtils.getJSONObject(credential, "credentialSubject").get("id"));
			if (credential.get("validUntil") != null) {
				claims.expirationTime(java.util.Date.from(Instant.parse((String) credential.get("validUntil"))));
			}
			RSAKey rsa = keys.rsa();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
					.keyID(settings.jwtKeyId(rsa.getKeyID())).build(), claims.build());
			jwt.sign(new RSASSASigner(rsa));
			return jwt.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String iso(Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
	}

}
