package org.badgebridge.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;
import org.badgebridge.platform.ToolUrls;

/**
 * Open Badges 2.0 hosted objects. Every object's {@code id} is the URL it is served at. Awards are private by
 * default: an assertion always shows its status, badge and issuer, and the recipient only as a salted hash.
 */
@Service
public class OpenBadges2 {

	public static final String CONTEXT = "https://w3id.org/openbadges/v2";

	private final Awards awards;

	private final Badges badges;

	private final Issuers issuers;

	private final ToolUrls urls;

	private final org.badgebridge.badge.BadgeImages images;

	public OpenBadges2(Awards awards, Badges badges, Issuers issuers, ToolUrls urls,
			org.badgebridge.badge.BadgeImages images) {
		this.images = images;
		this.awards = awards;
		this.badges = badges;
		this.issuers = issuers;
		this.urls = urls;
	}

	public String issuerUrl(long issuerId) {
		return urls.absolute("/ob2/issuers/" + issuerId);
	}

	public String badgeUrl(String badgeId) {
		return urls.absolute("/ob2/badges/" + badgeId);
	}

	public String assertionUrl(String awardId) {
		return urls.absolute("/ob2/assertions/" + awardId);
	}

	public String revocationListUrl(long issuerId) {
		return urls.absolute("/ob2/issuers/" + issuerId + "/revocations");
	}

	/** The URL of the issuer's logo, if one was uploaded. */
	public Optional<String> logoUrl(long issuerId) {
		return images.hasIssuerLogo(issuerId) ? Optional.of(urls.absolute("/ob2/issuers/" + issuerId + "/image")) : Optional.empty();
	}

	public Optional<Map<String, Object>> issuer(long id) {
		return issuers.find(id).map(this::issuer);
	}

	Map<String, Object> issuer(IssuerProfile i) {
		Map<String, Object> o = object("Issuer", issuerUrl(i.id()));
		o.put("name", i.name());
		o.put("url", i.url() != null ? i.url() : urls.base());
		if (i.email() != null) {
			o.put("email", i.email());
		}
		if (i.description() != null) {
			o.put("description", i.description());
		}
		logoUrl(i.id()).ifPresent(logo -> o.put("image", logo));
		o.put("revocationList", revocationListUrl(i.id()));
		return o;
	}

	public Optional<Map<String, Object>> badgeClass(String badgeId) {
		return badges.find(badgeId).map(b -> {
			Map<String, Object> o = object("BadgeClass", badgeUrl(b.id()));
			o.put("name", b.name());
			o.put("description", b.description() == null || b.description().isBlank() ? b.name() : b.description());
			o.put("image", urls.absolute("/ob2/badges/" + b.id() + "/image"));
			o.put("criteria", Map.of("narrative", criteriaNarrative(b)));
			o.put("issuer", issuerUrl(badges.issuer(b).id()));
			String eqf = b.details().eqfLevel();
			if (eqf != null && !"NA".equals(eqf)) {
				o.put("alignment", List.of(Map.of("targetName", "EQF level " + eqf, "targetUrl", "http://data.europa.eu/snb/eqf/" + eqf,
						"targetFramework", "European Qualifications Framework", "targetCode", eqf)));
			}
			if (b.details().microCredential()) {
				o.put("tags", List.of("micro-credential"));
			}
			return o;
		});
	}

	/** What a learner did to earn the badge, in words: the teacher's narrative, else the criteria. */
	public String criteriaNarrative(BadgeClass b) {
		return b.details().criteriaNarrative() != null && !b.details().criteriaNarrative().isBlank() ? b.details().criteriaNarrative()
				: b.hasCriteria() ? b.criteria().root().label() : "Awarded by the course's teachers.";
	}

	/** The assertion of an award; empty when unknown, or when no email is known for its learner yet. */
	public Optional<Map<String, Object>> assertion(String awardId) {
		Optional<Award> found = awards.find(awardId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Award award = found.get();
		if (award.erased()) { // the holder deleted their data: the assertion stays known, revoked, naming no recipient
			Map<String, Object> gone = object("Assertion", assertionUrl(award.id()));
			gone.put("badge", badgeUrl(award.badgeId()));
			gone.put("revoked", true);
			return Optional.of(gone);
		}
		String email = awards.recipientEmail(award);
		if (email == null) {
			return Optional.empty();
		}
		String salt = awards.recipientSalt(award.id());
		Map<String, Object> o = object("Assertion", assertionUrl(award.id()));
		Map<String, Object> recipient = new LinkedHashMap<>();
		recipient.put("type", "email");
		recipient.put("hashed", true);
		recipient.put("salt", salt);
		recipient.put("identity", hashedIdentity(email, salt));
		o.put("recipient", recipient);
		o.put("badge", badgeUrl(award.badgeId()));
		o.put("verification", Map.of("type", "hosted"));
		o.put("issuedOn", OpenBadges3.iso(award.awardedAt()));
		expires(award, badges.find(award.badgeId()).orElseThrow())
				.ifPresent(e -> o.put("expires", OpenBadges3.iso(e)));
		if (award.publicVisible() && award.evidence() != null && !award.evidence().isBlank()) {
			o.put("evidence", List.of(Map.of("name", "Criteria met", "narrative", award.evidence())));
		}
		if (award.revoked()) {
			o.put("revoked", true); // the reason is never public: the learner was told it by mail
		}
		return Optional.of(o);
	}

	/** When an award expires: the badge's expiry period after issuing, if the badge has one. */
	public static Optional<java.time.Instant> expires(Award award, BadgeClass badge) {
		Integer months = badge.details().expiryMonths();
		return months == null ? Optional.empty()
				: Optional.of(award.awardedAt().atOffset(ZoneOffset.UTC).plusMonths(months).toInstant());
	}

	public Optional<Map<String, Object>> revocationList(long issuerId) {
		return issuers.find(issuerId).map(i -> {
			Map<String, Object> o = object("RevocationList", revocationListUrl(i.id()));
			o.put("issuer", issuerUrl(i.id()));
			List<Object> revoked = new ArrayList<>();
			long defaultIssuer = issuers.defaultIssuer().id();
			Map<String, Long> issuerOfBadge = new HashMap<>();
			for (Award a : awards.revoked()) {
				long issuer = issuerOfBadge.computeIfAbsent(a.badgeId(), badgeId -> badges.find(badgeId)
						.map(b -> b.issuerId() == null ? defaultIssuer : b.issuerId()).orElse(-1L));
				if (issuer == i.id()) {
					revoked.add(Map.of("id", assertionUrl(a.id()))); // no reason: reasons are never public
				}
			}
			o.put("revokedAssertions", revoked);
			return o;
		});
	}

	/** {@code sha256$} + hex(sha256(lower-cased email + salt)), as OB 2.0 verifiers compare it. */
	public static String hashedIdentity(String email, String salt) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest((email.trim().toLowerCase(Locale.ROOT) + salt).getBytes(StandardCharsets.UTF_8));
			return "sha256$" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> object(String type, String id) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("@context", CONTEXT);
		o.put("type", type);
		o.put("id", id);
		return o;
	}
}
