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

	public BadgeVerifier.Verdict status = BadgeVerifier.Verdict.VALID;

	public String statusWords;

	public void ok(String what, String detail) {
		checks.add(new BadgeVerifier.Check(true, what, detail));
	}

	public void fail(String what, String detail) {
		checks.add(new BadgeVerifier.Check(false, what, detail));
	}

	public void skipped(String what, String detail) {
		checks.add(new BadgeVerifier.Check(null, what, detail));
	}

	public BadgeVerifier.Report report() {
		boolean failed = checks.stream().anyMatch(c -> Boolean.FALSE.equals(c.ok()));
		BadgeVerifier.Verdict verdict = failed ? BadgeVerifier.Verdict.INVALID : status;
		String summary = switch (verdict) {
			case INVALID -> "Not valid: " + checks.stream().filter(c -> Boolean.FALSE.equals(c.ok())).map(BadgeVerifier.Check::detail).findFirst().orElse("");
			case VALID -> "Valid: " + (badgeName != null ? "\u201c" + badgeName + "\u201d " : "") + "issued by "
					+ (issuerName != null ? issuerName : issuerId) + ", signature and status checked.";
			default -> statusWords;
		};
		return new BadgeVerifier.Report(verdict, summary, format, List.copyOf(checks), badgeName, issuerName, issuerId, issuedOn, expires, recipient);
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
		return new BadgeVerifier.Report(BadgeVerifier.Verdict.UNKNOWN, why, "unknown", List.of(), null, null, null, null, null, null);
	}
}
