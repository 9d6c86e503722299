package org.badgebridge.verification.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.springframework.stereotype.Component;

import org.badgebridge.credential.DataIntegrity;

import static org.badgebridge.verification.internal.JsonFields.instant;
import static org.badgebridge.verification.internal.JsonFields.string;

/** Open Badges 2.0 hosted verification: the issuer's copy of the assertion, its badge class and issuer. */
@Component
class HostedAssertions {

	private static final class Unreadable extends Exception {

		Unreadable(String message) {
			super(message);
		}
	}

	private final OwnDocuments own;

	private final SafeFetcher fetcher;

	private final Clock clock;

	HostedAssertions(OwnDocuments own, SafeFetcher fetcher, Clock clock) {
		this.own = own;
		this.fetcher = fetcher;
		this.clock = clock;
	}

	/** Checks an OB 2.0 assertion against the issuer's hosted copy: still there, same id, revoked, expired, recipient. */
	BadgeVerifier.Report check(JsonObject given, String email) {
		Findings f = new Findings();
		f.format = "Open Badges 2.0 assertion";
		JsonObject verification = given.get("verification") instanceof JsonObject v ? v : null;
		String kind = verification == null ? null : string(verification, "type");
		if (kind != null && (kind.equalsIgnoreCase("signed") || kind.equals("SignedBadge"))) {
			return Findings.unknown("Signed Open Badges 2.0 assertions are not checked here; hosted ones are.");
		}
		String id = string(given, "id");
		if (id == null || !(id.startsWith("https://") || id.startsWith("http://"))) {
			f.fail("Hosted copy", "The assertion has no http(s) id, so its issuer's copy cannot be fetched.");
			return f.report();
		}
		JsonObject hosted;
		try {
			hosted = fetchJson(id);
		}
		catch (Unreadable ex) {
			return Findings.unknown("The issuer's copy of the assertion could not be read: " + ex.getMessage());
		}
		if (!id.equals(string(hosted, "id"))) {
			f.fail("Hosted copy", "The document at " + id + " has a different id (" + string(hosted, "id") + ").");
			return f.report();
		}
		f.verified("Hosted copy", "The issuer's server still hosts this assertion at " + id + ".");
		if (JsonValue.TRUE.equals(hosted.get("revoked"))) {
			f.revoked("Status", own.revokedOn(id).orElse(null));
		}
		else {
			f.ok("Status", "Not revoked.");
		}
		Instant issued = instant(string(hosted, "issuedOn"));
		Instant expires = instant(string(hosted, "expires"));
		f.issuedOn = issued == null ? null : issued.toString().substring(0, 10);
		f.expires = expires == null ? null : expires.toString().substring(0, 10);
		if (expires != null && expires.isBefore(clock.instant())) {
			f.expired("Expired on " + f.expires + ": it was valid until then.");
		}
		String badgeUrl = string(hosted, "badge");
		try {
			JsonObject badge = badgeUrl != null ? fetchJson(badgeUrl) : hosted.getJsonObject("badge");
			f.badgeName = string(badge, "name");
			String issuerUrl = string(badge, "issuer");
			JsonObject issuer = issuerUrl != null ? fetchJson(issuerUrl) : badge.getJsonObject("issuer");
			f.issuerName = string(issuer, "name");
			f.issuerId = string(issuer, "id");
			String issuerHost = hostOf(string(issuer, "url"));
			String assertionHost = hostOf(id);
			if (issuerHost != null && assertionHost != null && !assertionHost.equals(issuerHost)
					&& !assertionHost.equals(hostOf(f.issuerId))) {
				f.skipped("Issuer", f.issuerName + ": note that the assertion is hosted at " + assertionHost
						+ ", not at the issuer's own site " + issuerHost + ".");
			}
			else {
				f.ok("Issuer", f.issuerName + " (" + f.issuerId + ").");
			}
			f.issuerBasis = own.isOurs(id) ? "OWN" : "HOSTED";
			f.issuerDomain = assertionHost;
		}
		catch (Unreadable | ClassCastException | NullPointerException ex) {
			f.fail("Badge and issuer", "The badge or its issuer could not be read: " + ex.getMessage());
		}
		JsonObject recipient = hosted.get("recipient") instanceof JsonObject r ? r : null;
		if (email != null && !email.isBlank() && recipient != null) {
			f.recipientCheck(email, string(recipient, "identity"), JsonValue.TRUE.equals(recipient.get("hashed")), string(recipient, "salt"));
		}
		else {
			f.skipped("Recipient", "Enter the holder's email address to check that the badge was issued to them.");
		}
		return f.report();
	}

	private JsonObject fetchJson(String url) throws Unreadable {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new Unreadable("not a valid link: " + url);
		}
		Optional<String> ours = own.find(uri);
		String body;
		if (ours.isPresent()) {
			body = ours.get();
		}
		else if (own.isOurs(url)) {
			throw new Unreadable("this tool has nothing at " + url);
		}
		else {
			try {
				SafeFetcher.Fetched fetched = fetcher.get(uri);
				// 410 Gone: a revoked hosted assertion, whose body says so (Open Badges 2.0)
				if (fetched.status() != 200 && !(fetched.status() == 410 && fetched.body() != null && !fetched.body().isBlank())) {
					throw new Unreadable(url + " answered HTTP " + fetched.status());
				}
				body = fetched.body();
			}
			catch (SafeFetcher.Refused ex) {
				throw new Unreadable(ex.getMessage());
			}
		}
		JsonLimits.check(body);
		try {
			return DataIntegrity.parse(body);
		}
		catch (JsonException | IllegalStateException ex) {
			throw new Unreadable(url + " is not JSON");
		}
	}

	private static String hostOf(String url) {
		try {
			return url == null ? null : URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
