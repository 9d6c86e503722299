package org.badgebridge.verification.internal;

import org.junit.jupiter.api.Test;

import org.badgebridge.verification.internal.BadgeVerifier.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings fail closed: passing checks alone make nothing valid; only a verified signature (or hosted copy) does. */
class FindingsUnitTest {

	@Test
	void withoutAVerifiedSignatureNothingIsValid() {
		Findings f = new Findings();
		f.ok("Issuer", "Some University");
		f.ok("Dates", "Issued 2025-01-01, does not expire.");
		BadgeVerifier.Report report = f.report();
		assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(report.summary()).startsWith("Could not be checked");

		assertThat(new Findings().report().verdict()).as("no checks at all").isEqualTo(Verdict.UNKNOWN);
	}

	@Test
	void aVerifiedSignatureMakesItValidUnlessACheckFailed() {
		Findings f = new Findings();
		f.verified("Signature", "Valid.");
		f.ok("Dates", "Issued 2025-01-01.");
		assertThat(f.report().verdict()).isEqualTo(Verdict.VALID);
		f.fail("Recipient", "Not issued to eve@example.edu.");
		assertThat(f.report().verdict()).isEqualTo(Verdict.INVALID);
	}
}
