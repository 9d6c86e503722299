package org.badgebridge.verification.internal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.credential.OpenBadges2;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.credential.SignedIssuers;
import org.badgebridge.credential.StatusLists;
import org.badgebridge.platform.ToolUrls;

/** Documents at our own URLs, read from the database: verifying our badges never makes a request to ourselves. */
@Component
class OwnDocuments {

	private static final Pattern OWN_PATH = Pattern.compile("/(ob2/assertions|ob2/badges|ob2/issuers|ob3/status/(revocation|suspension)"
			+ "|ob3/credentials|verify)/([A-Za-z0-9-]{1,64})");

	/** A share link ({@code /s/{token}}): the award's public page while the holder shares it. */
	private static final Pattern SHARE_PATH = Pattern.compile("/s/([A-Za-z0-9_-]{10,64})");

	private final OpenBadges2 ob2;

	private final org.badgebridge.sharing.ShareLinks shares;

	private final OpenBadges3 ob3;

	private final StatusLists statusLists;

	private final ToolUrls urls;

	private final Awards awards;

	private final SignedIssuers signed;

	OwnDocuments(OpenBadges2 ob2, OpenBadges3 ob3, StatusLists statusLists, ToolUrls urls, Awards awards, SignedIssuers signed,
			org.badgebridge.sharing.ShareLinks shares) {
		this.shares = shares;
		this.signed = signed;
		this.awards = awards;
		this.ob2 = ob2;
		this.ob3 = ob3;
		this.statusLists = statusLists;
		this.urls = urls;
	}

	/** Whether the URL is one of ours (then {@link #find} is the only truth about it). */
	boolean isOurs(String url) {
		return url.startsWith(urls.base() + "/");
	}

	/** This tool's host name, as its public URL names it. */
	String host() {
		return URI.create(urls.base()).getHost();
	}

	/**
	 * When one of our badges was revoked, by its id (an assertion or verification URL of ours, or an issued credential's
	 * id), as a date in the page's language; empty for badges of other issuers.
	 */
	Optional<java.time.Instant> revokedOn(String id) {
		if (id == null) {
			return Optional.empty();
		}
		Optional<String> awardId = Optional.empty();
		if (isOurs(id)) {
			Matcher m = OWN_PATH.matcher(URI.create(id).getPath());
			if (m.matches() && (m.group(1).equals("ob2/assertions") || m.group(1).equals("verify"))) {
				awardId = Optional.of(m.group(3));
			}
		}
		else if (id.startsWith("urn:uuid:")) {
			awardId = signed.awardOfCredential(id);
		}
		return awardId.flatMap(awards::find).map(Award::revokedAt).filter(java.util.Objects::nonNull);
	}

	/** Whether the award of one of our credentials (by its id) is suspended; empty for a credential we did not issue. */
	Optional<Boolean> suspended(String credentialId) {
		return Optional.ofNullable(credentialId).filter(id -> id.startsWith("urn:uuid:")).flatMap(signed::awardOfCredential)
				.flatMap(awards::find).map(Award::suspended);
	}

	/** The JSON we serve at this URL, if it is one of ours and exists. */
	Optional<String> find(URI url) {
		String s = url.toString();
		if (!s.startsWith(urls.base() + "/")) {
			return Optional.empty();
		}
		Matcher shared = SHARE_PATH.matcher(url.getPath());
		if (shared.matches()) {
			// what the link opens: the award's page (its hosted assertion) while shared; nothing once replaced or private
			return shares.resolve(shared.group(1)) instanceof org.badgebridge.sharing.ShareLinks.Live live
					? awards.find(live.awardId()).filter(a -> a.publicVisible() && !a.erased()).flatMap(a -> ob2.assertion(a.id()))
							.map(JSONObjectUtils::toJSONString)
					: Optional.empty();
		}
		Matcher m = OWN_PATH.matcher(url.getPath());
		if (!m.matches()) {
			return Optional.empty();
		}
		String kind = m.group(1);
		String id = m.group(3);
		Optional<Map<String, Object>> object = switch (kind) {
			case "ob2/assertions", "verify" -> ob2.assertion(id);
			case "ob2/badges" -> ob2.badgeClass(id);
			case "ob2/issuers" -> id.matches("\\d{1,18}") ? ob2.issuer(Long.parseLong(id)) : Optional.empty();
			default -> Optional.empty();
		};
		if (object.isPresent()) {
			return Optional.of(JSONObjectUtils.toJSONString(object.get()));
		}
		if (kind.startsWith("ob3/status") && id.matches("\\d{1,9}")) {
			return statusLists.credential(m.group(2), Integer.parseInt(id));
		}
		if (kind.equals("ob3/credentials")) {
			// only what /ob3/credentials serves: the credential of a public award (a private one names its holder)
			return awards.find(id).filter(Award::publicVisible).flatMap(a -> ob3.find(a.id()))
					.map(OpenBadges3.Issued::json);
		}
		return Optional.empty();
	}

}
