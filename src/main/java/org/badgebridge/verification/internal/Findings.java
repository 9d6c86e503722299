package org.badgebridge.verification.internal;

import java.util.ArrayList;
import java.util.List;

import org.badgebridge.credential.OpenBadges2;

/** What the checks of one badge found so far; becomes the report. */
final class Findings {

	private final List<BadgeVerifier.Check> checks = new ArrayList<>();

	public String format = "unknown";

	public String badgeName;

	public String issuerName;

	public String issuerId;

	public String issuedOn;

	public String expires;

	public String recipient;

	/** How the issuer is known (see {@link BadgeVerifier.Report}) and the domain that says so. */
	public String issuerBasis;

	public String issuerDomain;

	public String revokedOn;

	/** The verdict once the badge proved authentic, unless a check failed; see {@link #report()}. */
	public BadgeVerifier.Verdict status = BadgeVerifier.Verdict.VALID;

	public String statusWords;

	/** Whether a signature (or the issuer's hosted copy) was positively checked: without one nothing is valid. */
	private boolean authentic;

	/** A check that proved the badge comes from its issuer: a signature that verified, or the issuer's hosted copy. */
	public void verified(String what, String detail) {
		ok(what, detail);
		authentic = true;
	}

	public void ok(String what, String detail) {
		checks.add(new BadgeVerifier.Check(true, what, detail));
	}

	public void fail(String what, String detail) {
		checks.add(new BadgeVerifier.Check(false, what, detail));
	}

	/** The issuer revoked it: a failed status check, and the verdict REVOKED (dated when the issuer says when). */
	public void revoked(String what, String on) {
		checks.add(new BadgeVerifier.Check(false, what, on == null ? "Revoked by the issuer." : "Revoked by the issuer on " + on + ".", true,
				on == null ? "public.check.detail.revoked" : "public.check.detail.revoked-on", on));
		status = BadgeVerifier.Verdict.REVOKED;
		revokedOn = on;
		statusWords = (on == null ? "Revoked by the issuer" : "Revoked by the issuer on " + on) + ": it is no longer valid.";
	}

	/** The issuer put it on hold: a failed status check; the verdict SUSPENDED unless it is revoked too. */
	public void suspended(String what) {
		checks.add(new BadgeVerifier.Check(false, what, "Suspended by the issuer.", true, "public.check.detail.suspended", null));
		if (status != BadgeVerifier.Verdict.REVOKED) {
			status = BadgeVerifier.Verdict.SUSPENDED;
			statusWords = "Suspended by the issuer: it is not valid while suspended.";
		}
	}

	public void skipped(String what, String detail) {
		checks.add(new BadgeVerifier.Check(null, what, detail));
	}

	public BadgeVerifier.Report report() {
		boolean failed = checks.stream().anyMatch(c -> Boolean.FALSE.equals(c.ok()) && !c.status());
		// fail closed: VALID (or any verdict about the issuer's status) only after a positive signature check
		BadgeVerifier.Verdict verdict = failed ? BadgeVerifier.Verdict.INVALID : authentic ? status : BadgeVerifier.Verdict.UNKNOWN;
		String words = !authentic && !(status == BadgeVerifier.Verdict.UNKNOWN && statusWords != null)
				? "Could not be checked: no signature of the issuer was verified, so nothing can be said about who issued it."
				: statusWords;
		String summary = switch (verdict) {
			case INVALID -> "Not valid: " + checks.stream().filter(c -> Boolean.FALSE.equals(c.ok()) && !c.status()).map(BadgeVerifier.Check::detail).findFirst().orElse("");
			case VALID -> "Valid: " + (badgeName != null ? "\u201c" + badgeName + "\u201d " : "") + "issued by "
					+ (issuerName != null ? issuerName : issuerId) + ", signature and status checked.";
			default -> words;
		};
		return new BadgeVerifier.Report(verdict, summary, format, List.copyOf(checks), badgeName, issuerName, issuerId, issuedOn, expires, recipient,
				issuerBasis, issuerDomain, revokedOn);
	}

	/** Whether the identity (hashed with its salt, or plain) names this email address; case does not matter. */
	void recipientCheck(String email, String identity, boolean hashed, String salt) {
		boolean matches = identity != null && (hashed ? OpenBadges2.hashedIdentity(email, salt == null ? "" : salt).equalsIgnoreCase(identity)
				: email.trim().equalsIgnoreCase(identity));
		if (matches) {
			ok("Recipient", "Issued to " + email.trim() + ".");
		}
		else {
			fail("Recipient", "It was not issued to " + email.trim() + ".");
		}
	}

	public void expired(String words) {
		if (status == BadgeVerifier.Verdict.VALID) {
			status = BadgeVerifier.Verdict.EXPIRED;
			statusWords = words;
		}
	}

	public static BadgeVerifier.Report unknown(String why) {
		return new BadgeVerifier.Report(BadgeVerifier.Verdict.UNKNOWN, why, "unknown", List.of(), null, null, null, null, null, null, null, null,
				null);
	}
}
