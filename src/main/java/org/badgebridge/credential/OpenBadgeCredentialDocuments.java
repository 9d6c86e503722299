package org.badgebridge.credential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.platform.ToolUrls;

/**
 * The JSON document of an Open Badges 3.0 {@code OpenBadgeCredential} before it is signed: the issuer
 * {@code Profile}, the {@code AchievementSubject} with its hashed identifier, the {@code Achievement} with the
 * EU micro-credential elements (those OB 3.0 has no term for use terms of our own context), the evidence and
 * the revocation status entry. {@link OpenBadges3} signs and stores what this builds.
 */
@Component
class OpenBadgeCredentialDocuments {

	private final Awards awards;

	private final OpenBadges2 ob2;

	private final CredentialSettings settings;

	private final StatusLists statusLists;

	private final ToolUrls urls;

	private final ObjectProvider<RecipientNameChoice> nameChoice;

	OpenBadgeCredentialDocuments(Awards awards, OpenBadges2 ob2, CredentialSettings settings, StatusLists statusLists,
			ToolUrls urls, ObjectProvider<RecipientNameChoice> nameChoice) {
		this.nameChoice = nameChoice;
		this.awards = awards;
		this.ob2 = ob2;
		this.settings = settings;
		this.statusLists = statusLists;
		this.urls = urls;
	}

	/**
	 * The unsigned credential of an award, its subject identified by the salted hash of the award's address (and the
	 * name only when the learner chose it); its status is the revocation entry.
	 */
	Map<String, Object> credential(String credentialId, Award award, BadgeClass badge, IssuerProfile issuer, BadgeDetails details,
			String email, int index, String issuerId) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("@context", List.of(JsonLdContexts.VC2_CONTEXT, JsonLdContexts.OB3_CONTEXT, settings.contextUrl()));
		c.put("id", credentialId);
		c.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		c.put("name", badge.name());
		c.put("issuer", profile(issuer, issuerId, details.country()));
		c.put("validFrom", OpenBadges3.iso(award.awardedAt()));
		OpenBadges2.expires(award, badge).ifPresent(e -> c.put("validUntil", OpenBadges3.iso(e)));
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes(("subject:" + award.id()).getBytes(StandardCharsets.UTF_8)));
		subject.put("type", List.of("AchievementSubject"));
		String salt = awards.recipientSalt(award.id());
		List<Object> identifiers = new ArrayList<>();
		identifiers.add(identity("emailAddress", OpenBadges2.hashedIdentity(email, salt), true, salt));
		chosenName(award).ifPresent(name -> identifiers.add(identity("name", name, false, null)));
		subject.put("identifier", identifiers);
		subject.put("achievement", achievement(badge, details));
		c.put("credentialSubject", subject);
		if (award.evidence() != null && !award.evidence().isBlank()) {
			c.put("evidence", List.of(Map.of("type", List.of("Evidence"), "name", "Criteria met", "narrative", award.evidence())));
		}
		c.put("credentialStatus", statusLists.revocationEntry(index));
		return c;
	}

	/** The learner's name, only when they chose to show it ({@link RecipientNameChoice}); no choice, no name. */
	private Optional<String> chosenName(Award award) {
		return nameChoice.orderedStream().findFirst().flatMap(choice -> choice.nameToShow(award)).filter(n -> !n.isBlank());
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
}
