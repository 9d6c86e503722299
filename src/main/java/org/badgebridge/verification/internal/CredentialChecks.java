package org.badgebridge.verification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

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

	private final DataIntegrity integrity;

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	private final OwnDocuments own;

	private final SafeFetcher fetcher;

	private final Clock clock;

	CredentialChecks(DataIntegrity integrity, CredentialKeys keys, CredentialSettings settings, OwnDocuments own, SafeFetcher fetcher,
			Clock clock) {
		this.integrity = integrity;
		this.keys = keys;
		this.settings = settings;
		this.own = own;
		this.fetcher = fetcher;
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
		if (f.issuerId == null) {
			f.fail("Issuer", new Said("public.check.detail.no-issuer"));
		}
		else {
			String who = f.issuerName != null ? f.issuerName + " (" + f.issuerId + ")" : f.issuerId;
			f.ok("Issuer", new Said(ours(f.issuerId) ? "public.check.detail.issuer-ours" : "public.check.detail.issuer", who));
			basis(f);
		}
		dates(doc, f);
		status(doc, f);
		if (subject == null || (subject.get("id") == null && subject.get("identifier") == null)) {
			f.fail("Recipient", new Said("public.check.detail.no-recipient"));
		}
		else {
			RecipientCheck.check(subject, email, f);
		}
	}

	/** How the issuer is known: this tool's own key, the domain of a did:web or web address, or only the credential (did:key). */
	private void basis(Findings f) {
		if (ours(f.issuerId)) {
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


	private void status(JsonObject doc, Findings f) {
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
				boolean set = bit(list, index, f.issuerId);
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
			catch (StatusUnavailable ex) {
				f.skipped("Status (" + purpose + ")", ex.said);
				if (f.status == BadgeVerifier.Verdict.VALID) {
					f.unknownStatus(new Said("public.check.summary.status-unknown", ex.said));
				}
			}
		}
		if (!suspensionListed && f.issuerId != null && ours(f.issuerId)) {
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

	private static final class StatusUnavailable extends Exception {

		private final transient Said said;

		StatusUnavailable(String key, Object... args) {
			this(new Said(key, args));
		}

		StatusUnavailable(Said said) {
			super(said.english());
			this.said = said;
		}
	}

	/** Reads one bit of a status list credential, checking the list's own signature and issuer. */
	private boolean bit(String listUrl, int index, String issuerId) throws StatusUnavailable {
		if (listUrl == null) {
			throw new StatusUnavailable("public.check.status.no-list");
		}
		String json;
		Optional<String> ours = own.find(URI.create(listUrl));
		if (ours.isPresent()) {
			json = ours.get();
		}
		else if (own.isOurs(listUrl)) {
			throw new StatusUnavailable("public.check.status.not-ours", listUrl);
		}
		else {
			try {
				SafeFetcher.Fetched fetched = fetcher.get(URI.create(listUrl));
				if (fetched.status() != 200) {
					throw new StatusUnavailable("public.check.status.http", listUrl, String.valueOf(fetched.status()));
				}
				json = fetched.body();
			}
			catch (SafeFetcher.Refused ex) {
				throw new StatusUnavailable(ex.said());
			}
		}
		JsonLimits.check(json);
		JsonObject list = DataIntegrity.parse(json);
		try {
			integrity.verify(list);
		}
		catch (DataIntegrity.ProofInvalid ex) {
			throw new StatusUnavailable("public.check.status.signature", ex.getMessage());
		}
		if (issuerId == null || !issuerId.equals(DataIntegrity.issuerId(list))) {
			throw new StatusUnavailable("public.check.status.other-issuer");
		}
		JsonObject subject = list.get("credentialSubject") instanceof JsonObject s ? s : null;
		String encoded = subject == null ? null : string(subject, "encodedList");
		if (encoded == null || !encoded.startsWith("u")) {
			throw new StatusUnavailable("public.check.status.no-encoded-list");
		}
		byte[] bits = gunzip(Base64.getUrlDecoder().decode(encoded.substring(1).replace("=", "")));
		if (index < 0 || index / 8 >= bits.length) {
			throw new StatusUnavailable("public.check.status.outside", String.valueOf(index));
		}
		return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
	}

	private static byte[] gunzip(byte[] data) throws StatusUnavailable {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
				if (out.size() > 2 << 20) {
					throw new StatusUnavailable("public.check.status.too-large");
				}
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new StatusUnavailable("public.check.status.not-gzip");
		}
	}
}
