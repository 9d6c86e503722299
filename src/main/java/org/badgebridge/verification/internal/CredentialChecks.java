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
		f.format = openBadge ? "Open Badges 3.0 credential" : "Verifiable credential (not an Open Badge)";
		f.issuerId = DataIntegrity.issuerId(doc);
		JsonValue issuer = doc.get("issuer");
		f.issuerName = issuer instanceof JsonObject o ? string(o, "name") : null;
		JsonObject subject = doc.get("credentialSubject") instanceof JsonObject s ? s : null;
		JsonObject achievement = subject != null && subject.get("achievement") instanceof JsonObject a ? a : null;
		f.badgeName = achievement != null ? string(achievement, "name") : string(doc, "name");
		if (f.issuerId == null) {
			f.fail("Issuer", "The credential names no issuer.");
		}
		else {
			f.ok("Issuer", (f.issuerName != null ? f.issuerName + " (" + f.issuerId + ")" : f.issuerId)
					+ (ours(f.issuerId) ? ", which is this tool's issuer." : "."));
			basis(f);
		}
		dates(doc, f);
		status(doc, f);
		if (subject == null || (subject.get("id") == null && subject.get("identifier") == null)) {
			f.fail("Recipient", "The credential does not say whom it was issued to.");
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
		f.issuedOn = from == null ? null : from.toString().substring(0, 10);
		f.expires = until == null ? null : until.toString().substring(0, 10);
		if (from == null) {
			f.fail("Dates", "The credential has no valid issue date.");
		}
		else if (from.isAfter(now.plusSeconds(300))) {
			f.fail("Dates", "The credential is not valid yet: it is valid from " + from + ".");
		}
		else if (until != null && until.isBefore(now)) {
			f.ok("Dates", "Issued " + f.issuedOn + "; expired " + f.expires + ".");
			f.expired("Expired on " + f.expires + ": it was valid from " + f.issuedOn + " until then.");
		}
		else {
			f.ok("Dates", "Issued " + f.issuedOn + (until != null ? ", valid until " + f.expires : ", does not expire") + ".");
		}
	}


	private void status(JsonObject doc, Findings f) {
		JsonValue status = doc.get("credentialStatus");
		if (status == null) {
			f.skipped("Status", "The credential names no status list: revocation cannot be checked.");
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
				f.skipped("Status", "Status of type " + type + " is not checked here.");
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
				f.fail("Status", "The status list index is not a number.");
				continue;
			}
			try {
				boolean set = bit(list, index, f.issuerId);
				if (!set) {
					f.ok("Status (" + purpose + ")", "Not " + ("suspension".equals(purpose) ? "suspended" : "revoked")
							+ " according to the issuer's status list.");
				}
				else if ("suspension".equals(purpose)) {
					f.suspended("Status (suspension)");
				}
				else {
					f.revoked("Status (revocation)", own.revokedOn(string(doc, "id")).orElse(null));
				}
			}
			catch (StatusUnavailable ex) {
				f.skipped("Status (" + purpose + ")", ex.getMessage());
				if (f.status == BadgeVerifier.Verdict.VALID) {
					f.status = BadgeVerifier.Verdict.UNKNOWN;
					f.statusWords = "Unknown: the signature is fine but whether it was revoked could not be checked. " + ex.getMessage();
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
					f.ok("Status (suspension)", "Not suspended according to the issuer's records.");
				}
			});
		}
	}

	private static final class StatusUnavailable extends Exception {

		StatusUnavailable(String message) {
			super(message);
		}
	}

	/** Reads one bit of a status list credential, checking the list's own signature and issuer. */
	private boolean bit(String listUrl, int index, String issuerId) throws StatusUnavailable {
		if (listUrl == null) {
			throw new StatusUnavailable("The status entry names no list.");
		}
		String json;
		Optional<String> ours = own.find(URI.create(listUrl));
		if (ours.isPresent()) {
			json = ours.get();
		}
		else if (own.isOurs(listUrl)) {
			throw new StatusUnavailable("This tool has no status list at " + listUrl + ".");
		}
		else {
			try {
				SafeFetcher.Fetched fetched = fetcher.get(URI.create(listUrl));
				if (fetched.status() != 200) {
					throw new StatusUnavailable("The status list " + listUrl + " answered HTTP " + fetched.status() + ".");
				}
				json = fetched.body();
			}
			catch (SafeFetcher.Refused ex) {
				throw new StatusUnavailable(ex.getMessage());
			}
		}
		JsonLimits.check(json);
		JsonObject list = DataIntegrity.parse(json);
		try {
			integrity.verify(list);
		}
		catch (DataIntegrity.ProofInvalid ex) {
			throw new StatusUnavailable("The status list's own signature is not valid: " + ex.getMessage());
		}
		if (issuerId == null || !issuerId.equals(DataIntegrity.issuerId(list))) {
			throw new StatusUnavailable("The status list was issued by someone other than the credential's issuer.");
		}
		JsonObject subject = list.get("credentialSubject") instanceof JsonObject s ? s : null;
		String encoded = subject == null ? null : string(subject, "encodedList");
		if (encoded == null || !encoded.startsWith("u")) {
			throw new StatusUnavailable("The status list has no encoded list.");
		}
		byte[] bits = gunzip(Base64.getUrlDecoder().decode(encoded.substring(1).replace("=", "")));
		if (index < 0 || index / 8 >= bits.length) {
			throw new StatusUnavailable("The status index " + index + " is outside the list.");
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
					throw new StatusUnavailable("The status list expands to more than 2 MB: refused.");
				}
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new StatusUnavailable("The status list's encoded list is not valid GZIP data.");
		}
	}
}
