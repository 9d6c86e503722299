package org.badgebridge.badge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EU micro-credential elements: what is mandatory, and the values that are refused. */
class BadgeDetailsUnitTest {

	static BadgeDetails complete() {
		return new BadgeDetails("Pass the final project", true, "- can clean a data set\n- can question a chart", 3.0, "ECTS", "5",
				"Graded project", "ONLINE", "ESG 2015, accredited programme", "en", null, "STACKABLE", 36, "Example University", "NL");
	}

	@Test
	void aCompleteMicroCredentialMissesNothing() {
		assertThat(complete().validated().missingForMicroCredential()).isEmpty();
	}

	@Test
	void missingElementsAreNamed() {
		BadgeDetails d = new BadgeDetails(null, true, " ", null, null, null, null, null, null, null, null, null, null, null, null);
		assertThat(d.missingForMicroCredential()).containsExactly("learning outcomes", "workload (ECTS or hours)",
				"EQF level (or \"not applicable\")", "type of assessment", "form of participation", "type of quality assurance",
				"awarding body", "country of the awarding body");
	}

	@Test
	void eqfNotApplicableMustBeSaidExplicitly() {
		BadgeDetails c = complete();
		BadgeDetails na = new BadgeDetails(c.criteriaNarrative(), true, c.learningOutcomes(), c.workloadValue(), c.workloadUnit(), "NA",
				c.assessmentType(), c.participation(), c.qualityAssurance(), c.language(), null, null, null, c.awardingBody(), c.country());
		assertThat(na.missingForMicroCredential()).isEmpty();
	}

	@Test
	void anOrdinaryBadgeNeedsNoEuElements() {
		assertThat(BadgeDetails.none().missingForMicroCredential()).isEmpty();
	}

	@Test
	void outOfRangeValuesAreRefused() {
		BadgeDetails c = complete();
		assertThatThrownBy(() -> new BadgeDetails(null, true, null, -1.0, "ECTS", null, null, null, null, null, null, null, null, null, null)
				.validated()).hasMessageContaining("positive");
		assertThatThrownBy(() -> new BadgeDetails(null, true, null, null, null, "9", null, null, null, null, null, null, null, null, null)
				.validated()).hasMessageContaining("EQF");
		assertThatThrownBy(() -> new BadgeDetails(null, true, null, null, "DAYS", null, null, null, null, null, null, null, null, null, null)
				.validated()).hasMessageContaining("ECTS or hours");
		assertThat(c.validated()).isSameAs(c);
	}
}
