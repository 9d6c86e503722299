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

		private final transient Said said;

		Unreadable(Said said) {
			super(said.english());
			this.said = said;
		}

		Unreadable(String key, Object... args) {
			this(new Said(key, args));
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
		f.format = new Said("public.check.format.ob2");
		JsonObject verification = given.get("verification") instanceof JsonObject v ? v : null;
		String kind = verification == null ? null : string(verification, "type");
		if (kind != null && (kind.equalsIgnoreCase("signed") || kind.equals("SignedBadge"))) {
			return Findings.unknown(new Said("public.check.unknown.signed-ob2"));
		}
		String id = string(given, "id");
		if (id == null || !(id.startsWith("https://") || id.startsWith("http://"))) {
			f.fail("Hosted copy", new Said("public.check.detail.no-hosted-id"));
			return f.report();
		}
		JsonObject hosted;
		try {
			hosted = fetchJson(id);
		}
		catch (Unreadable ex) {
			return Findings.unknown(new Said("public.check.unknown.hosted-unreadable", ex.said));
		}
		if (!id.equals(string(hosted, "id"))) {
			f.fail("Hosted copy", new Said("public.check.detail.hosted-other-id", id, String.valueOf(string(hosted, "id"))));
			return f.report();
		}
		f.verified("Hosted copy", new Said("public.check.detail.hosted", id));
		if (JsonValue.TRUE.equals(hosted.get("revoked"))) {
			f.revoked("Status", own.revokedOn(id).orElse(null));
		}
		else {
			f.ok("Status", new Said("public.check.detail.ob2-not-revoked"));
		}
		Instant issued = instant(string(hosted, "issuedOn"));
		Instant expires = instant(string(hosted, "expires"));
		f.issuedOn = issued;
		f.expires = expires;
		if (expires != null && expires.isBefore(clock.instant())) {
			f.expired(new Said("public.check.summary.expired", expires));
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
				f.skipped("Issuer", new Said("public.check.detail.hosted-elsewhere", String.valueOf(f.issuerName), assertionHost, issuerHost));
			}
			else {
				f.ok("Issuer", new Said("public.check.detail.issuer", f.issuerName + " (" + f.issuerId + ")"));
			}
			f.issuerBasis = own.isOurs(id) ? "OWN" : "HOSTED";
			f.issuerDomain = assertionHost;
		}
		catch (Unreadable ex) {
			f.fail("Badge and issuer", new Said("public.check.detail.badge-unreadable", ex.said));
		}
		catch (ClassCastException | NullPointerException ex) {
			f.fail("Badge and issuer", new Said("public.check.detail.badge-unreadable", new Said("public.check.words", String.valueOf(ex.getMessage()))));
		}
		JsonObject recipient = hosted.get("recipient") instanceof JsonObject r ? r : null;
		if (email != null && !email.isBlank() && recipient != null) {
			f.recipientCheck(email, string(recipient, "identity"), JsonValue.TRUE.equals(recipient.get("hashed")), string(recipient, "salt"));
		}
		else {
			f.skipped("Recipient", new Said("public.check.detail.enter-email-badge"));
		}
		return f.report();
	}

	private JsonObject fetchJson(String url) throws Unreadable {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new Unreadable("public.check.hosted.bad-link", url);
		}
		Optional<String> ours = own.find(uri);
		String body;
		if (ours.isPresent()) {
			body = ours.get();
		}
		else if (own.isOurs(url)) {
			throw new Unreadable("public.check.hosted.nothing-at", url);
		}
		else {
			try {
				SafeFetcher.Fetched fetched = fetcher.get(uri);
				// 410 Gone: a revoked hosted assertion, whose body says so (Open Badges 2.0)
				if (fetched.status() != 200 && !(fetched.status() == 410 && fetched.body() != null && !fetched.body().isBlank())) {
					throw new Unreadable("public.check.hosted.http", url, String.valueOf(fetched.status()));
				}
				body = fetched.body();
			}
			catch (SafeFetcher.Refused ex) {
				throw new Unreadable(ex.said());
			}
		}
		JsonLimits.check(body);
		try {
			return DataIntegrity.parse(body);
		}
		catch (JsonException | IllegalStateException ex) {
			throw new Unreadable("public.check.hosted.not-json", url);
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
