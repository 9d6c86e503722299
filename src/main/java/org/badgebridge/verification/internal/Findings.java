package org.badgebridge.verification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.badgebridge.credential.OpenBadges2;

/** What the checks of one badge found so far; becomes the report. */
final class Findings {

	private final List<BadgeVerifier.Check> checks = new ArrayList<>();

	public Said format = new Said("public.check.format.unknown");

	public String badgeName;

	public String issuerName;

	public String issuerId;

	public Instant issuedOn;

	public Instant expires;

	public String recipient;

	/** How the issuer is known (see {@link BadgeVerifier.Report}) and the domain that says so. */
	public String issuerBasis;

	public String issuerDomain;

	public Instant revokedOn;

	/** The verdict once the badge proved authentic, unless a check failed; see {@link #report()}. */
	public BadgeVerifier.Verdict status = BadgeVerifier.Verdict.VALID;

	/** Why the verdict is what it is, when the status decided it (see {@link #report()}). */
	public Said statusWords;

	/** Whether a signature (or the issuer's hosted copy) was positively checked: without one nothing is valid. */
	private boolean authentic;

	/** A check that proved the badge comes from its issuer: a signature that verified, or the issuer's hosted copy. */
	public void verified(String what, Said detail) {
		ok(what, detail);
		authentic = true;
	}

	public void verified(String what, String detail) {
		checks.add(new BadgeVerifier.Check(true, what, detail));
		authentic = true;
	}

	public void ok(String what, String detail) {
		checks.add(new BadgeVerifier.Check(true, what, detail));
	}

	public void ok(String what, Said detail) {
		checks.add(new BadgeVerifier.Check(true, what, detail));
	}

	public void fail(String what, String detail) {
		checks.add(new BadgeVerifier.Check(false, what, detail));
	}

	public void fail(String what, Said detail) {
		checks.add(new BadgeVerifier.Check(false, what, detail));
	}

	public void skipped(String what, Said detail) {
		checks.add(new BadgeVerifier.Check(null, what, detail));
	}

	/** The issuer revoked it: a failed status check, and the verdict REVOKED (dated when the issuer says when). */
	public void revoked(String what, Instant on) {
		Said detail = on == null ? new Said("public.check.detail.revoked") : new Said("public.check.detail.revoked-on", on);
		checks.add(new BadgeVerifier.Check(false, what, detail.english(), true, detail));
		status = BadgeVerifier.Verdict.REVOKED;
		revokedOn = on;
		statusWords = on == null ? new Said("public.check.summary.revoked") : new Said("public.check.summary.revoked-on", on);
	}

	/** The issuer put it on hold: a failed status check; the verdict SUSPENDED unless it is revoked too. */
	public void suspended(String what) {
		Said detail = new Said("public.check.detail.suspended");
		checks.add(new BadgeVerifier.Check(false, what, detail.english(), true, detail));
		if (status != BadgeVerifier.Verdict.REVOKED) {
			status = BadgeVerifier.Verdict.SUSPENDED;
			statusWords = new Said("public.check.summary.suspended");
		}
	}

	/** The verdict is unknown (the signature or the status could not be checked), for this reason. */
	public void unknownStatus(Said why) {
		status = BadgeVerifier.Verdict.UNKNOWN;
		statusWords = why;
	}

	public BadgeVerifier.Report report() {
		boolean failed = checks.stream().anyMatch(c -> Boolean.FALSE.equals(c.ok()) && !c.status());
		// fail closed: VALID (or any verdict about the issuer's status) only after a positive signature check
		BadgeVerifier.Verdict verdict = failed ? BadgeVerifier.Verdict.INVALID : authentic ? status : BadgeVerifier.Verdict.UNKNOWN;
		Said words = !authentic && !(status == BadgeVerifier.Verdict.UNKNOWN && statusWords != null)
				? new Said("public.check.summary.unsigned")
				: statusWords;
		Said summary = switch (verdict) {
			case INVALID -> new Said("public.check.summary.invalid", checks.stream().filter(c -> Boolean.FALSE.equals(c.ok()) && !c.status())
					.map(c -> c.said() != null ? c.said() : new Said("public.check.words", c.detail())).findFirst().orElseThrow());
			case VALID -> new Said(badgeName != null ? "public.check.summary.valid-named" : "public.check.summary.valid",
					issuerName != null ? issuerName : issuerId, badgeName == null ? "" : badgeName);
			default -> words;
		};
		return new BadgeVerifier.Report(verdict, summary.english(), format.english(), List.copyOf(checks), badgeName, issuerName, issuerId, issuedOn,
				expires, recipient, issuerBasis, issuerDomain, revokedOn, summary, format);
	}

	/** Whether the identity (hashed with its salt, or plain) names this email address; case does not matter. */
	void recipientCheck(String email, String identity, boolean hashed, String salt) {
		boolean matches = identity != null && (hashed ? OpenBadges2.hashedIdentity(email, salt == null ? "" : salt).equalsIgnoreCase(identity)
				: email.trim().equalsIgnoreCase(identity));
		if (matches) {
			ok("Recipient", new Said("public.check.detail.issued-to", email.trim()));
		}
		else {
			fail("Recipient", new Said("public.check.detail.not-issued-to", email.trim()));
		}
	}

	public void expired(Said words) {
		if (status == BadgeVerifier.Verdict.VALID) {
			status = BadgeVerifier.Verdict.EXPIRED;
			statusWords = words;
		}
	}

	/** Nothing could be checked, for this reason. */
	public static BadgeVerifier.Report unknown(Said why) {
		return new BadgeVerifier.Report(BadgeVerifier.Verdict.UNKNOWN, why.english(), "unknown", List.of(), null, null, null, null, null, null,
				null, null, null, why, new Said("public.check.format.unknown"));
	}
}
