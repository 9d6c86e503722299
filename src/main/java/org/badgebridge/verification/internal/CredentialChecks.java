package org.badgebridge.verification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.springframework.stereotype.Component;

import org.badgebridge.credential.CredentialKeys;
import org.badgebridge.credential.CredentialSettings;
import org.badgebridge.credential.DataIntegrity;

import static org.badgebridge.verification.internal.JsonFields.instant;
import static org.badgebridge.verification.internal.JsonFields.string;
import static org.badgebridge.verification.internal.JsonFields.types;

/**
 * What a verifiable credential says beyond its proof: its issuer (ours or not), validity dates, revocation and
 * suspension (Bitstring status lists, whose own signature and issuer are checked), and its recipient.
 */
@Component
class CredentialChecks {

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	private final OwnDocuments own;

	private final StatusListBits lists;

	private final Clock clock;

	CredentialChecks(CredentialKeys keys, CredentialSettings settings, OwnDocuments own, StatusListBits lists, Clock clock) {
		this.keys = keys;
		this.settings = settings;
		this.own = own;
		this.lists = lists;
		this.clock = clock;
	}

	/** The checks every credential gets once its proof was looked at: issuer, dates, status, recipient. */
	void check(JsonObject doc, String email, Findings f) {
		List<String> types = types(doc);
		boolean openBadge = types.contains("OpenBadgeCredential") || types.contains("AchievementCredential");
		f.format = new Said(openBadge ? "public.check.format.ob3" : "public.check.format.vc");
		f.issuerId = DataIntegrity.issuerId(doc);
		JsonValue issuer = doc.get("issuer");
		f.issuerName = issuer instanceof JsonObject o ? string(o, "name") : null;
		JsonObject subject = doc.get("credentialSubject") instanceof JsonObject s ? s : null;
		JsonObject achievement = subject != null && subject.get("achievement") instanceof JsonObject a ? a : null;
		f.badgeName = achievement != null ? string(achievement, "name") : string(doc, "name");
		boolean ours = f.issuerId != null && ours(f.issuerId); // one look at the keys per check
		if (f.issuerId == null) {
			f.fail("Issuer", new Said("public.check.detail.no-issuer"));
		}
		else {
			String who = f.issuerName != null ? f.issuerName + " (" + f.issuerId + ")" : f.issuerId;
			f.ok("Issuer", new Said(ours ? "public.check.detail.issuer-ours" : "public.check.detail.issuer", who));
			basis(f, ours);
		}
		dates(doc, f);
		status(doc, f, ours);
		if (subject == null || (subject.get("id") == null && subject.get("identifier") == null)) {
			f.fail("Recipient", new Said("public.check.detail.no-recipient"));
		}
		else {
			RecipientCheck.check(subject, email, f);
		}
	}

	/** How the issuer is known: this tool's own key, the domain of a did:web or web address, or only the credential (did:key). */
	private void basis(Findings f, boolean ours) {
		if (ours) {
			f.issuerBasis = "OWN";
			f.issuerDomain = own.host();
		}
		else if (f.issuerId.startsWith("did:web:")) {
			f.issuerBasis = "WEB";
			String host = f.issuerId.substring("did:web:".length()).split(":", 2)[0];
			f.issuerDomain = java.net.URLDecoder.decode(host, java.nio.charset.StandardCharsets.UTF_8);
		}
		else if (f.issuerId.startsWith("https://") || f.issuerId.startsWith("http://")) {
			try {
				f.issuerDomain = java.net.URI.create(f.issuerId).getHost();
				f.issuerBasis = f.issuerDomain == null ? null : "HOSTED";
			}
			catch (IllegalArgumentException ex) {
				f.issuerBasis = null;
			}
		}
		else if (f.issuerId.startsWith("did:key:")) {
			f.issuerBasis = "KEY";
		}
	}

	private boolean ours(String issuerId) {
		if (settings.didWeb()) {
			return settings.didWebId().equals(issuerId);
		}
		return keys.all().stream().filter(k -> CredentialKeys.ED25519.equals(k.algorithm()))
				.anyMatch(k -> ("did:key:" + k.multibase()).equals(issuerId));
	}

	private void dates(JsonObject doc, Findings f) {
		Instant now = clock.instant();
		Instant from = instant(string(doc, "validFrom"), string(doc, "issuanceDate"));
		Instant until = instant(string(doc, "validUntil"), string(doc, "expirationDate"));
		f.issuedOn = from;
		f.expires = until;
		if (from == null) {
			f.fail("Dates", new Said("public.check.detail.no-issue-date"));
		}
		else if (from.isAfter(now.plusSeconds(300))) {
			f.fail("Dates", new Said("public.check.detail.not-yet-valid", from));
		}
		else if (until != null && until.isBefore(now)) {
			f.ok("Dates", new Said("public.check.detail.issued-expired", from, until));
			f.expired(new Said("public.check.summary.expired-from", until, from));
		}
		else {
			f.ok("Dates", until != null ? new Said("public.check.detail.issued-until", from, until) : new Said("public.check.detail.issued", from));
		}
	}


	private void status(JsonObject doc, Findings f, boolean ours) {
		JsonValue status = doc.get("credentialStatus");
		if (status == null) {
			f.skipped("Status", new Said("public.check.detail.no-status-list"));
			return;
		}
		List<JsonObject> entries = new ArrayList<>();
		if (status instanceof JsonObject o) {
			entries.add(o);
		}
		else if (status instanceof JsonArray a) {
			a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).limit(4).forEach(entries::add);
		}
		boolean suspensionListed = false;
		for (JsonObject entry : entries) {
			String type = string(entry, "type");
			if (!"BitstringStatusListEntry".equals(type)) {
				f.skipped("Status", new Said("public.check.detail.status-type", String.valueOf(type)));
				continue;
			}
			String purpose = string(entry, "statusPurpose");
			suspensionListed |= "suspension".equals(purpose);
			String list = string(entry, "statusListCredential");
			int index;
			try {
				index = Integer.parseInt(string(entry, "statusListIndex"));
			}
			catch (NumberFormatException ex) {
				f.fail("Status", new Said("public.check.detail.status-index"));
				continue;
			}
			try {
				boolean set = lists.bit(list, index, f.issuerId);
				if (!set) {
					f.ok("Status (" + purpose + ")", new Said("suspension".equals(purpose) ? "public.check.detail.not-suspended"
							: "public.check.detail.not-revoked"));
				}
				else if ("suspension".equals(purpose)) {
					f.suspended("Status (suspension)");
				}
				else {
					f.revoked("Status (revocation)", own.revokedOn(string(doc, "id")).orElse(null));
				}
			}
			catch (StatusListBits.StatusUnavailable ex) {
				f.skipped("Status (" + purpose + ")", ex.said);
				if (f.status == BadgeVerifier.Verdict.VALID) {
					f.unknownStatus(new Said("public.check.summary.status-unknown", ex.said));
				}
			}
		}
		if (!suspensionListed && ours) {
			// ours name only the revocation list (OB 3.0 allows one status): suspension is in the issuer's records
			own.suspended(string(doc, "id")).ifPresent(suspended -> {
				if (suspended) {
					f.suspended("Status (suspension)");
				}
				else {
					f.ok("Status (suspension)", new Said("public.check.detail.not-suspended-records"));
				}
			});
		}
	}
}
