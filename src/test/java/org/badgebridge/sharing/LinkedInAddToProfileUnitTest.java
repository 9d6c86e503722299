package org.badgebridge.sharing;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LinkedIn's "Add to profile" URL: the exact parameters, their order, months 1-12 and the encoding of each value. */
class LinkedInAddToProfileUnitTest {

	static final String SHARE = "https://badges.example.edu/s/AbC-12_xyzAbC-12_xyzAb";

	@Test
	void anIssuerWithAnOrganisationIdIsNamedByItAndJanuaryIsMonthOne() {
		LinkedInAddToProfile l = new LinkedInAddToProfile("Data Literacy & Ethics: 5 EC", "206815", "Universiteit Utrecht",
				YearMonth.of(2026, 1), YearMonth.of(2028, 12), SHARE, "3f1c-award");
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("startTask", "CERTIFICATION_NAME");
		expected.put("name", "Data Literacy & Ethics: 5 EC");
		expected.put("organizationId", "206815");
		expected.put("issueYear", "2026");
		expected.put("issueMonth", "1");
		expected.put("expirationYear", "2028");
		expected.put("expirationMonth", "12");
		expected.put("certUrl", SHARE);
		expected.put("certId", "3f1c-award");
		assertThat(l.parameters()).containsExactlyEntriesOf(expected);
		assertThat(l.url()).isEqualTo("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
				+ "&name=Data+Literacy+%26+Ethics%3A+5+EC&organizationId=206815&issueYear=2026&issueMonth=1"
				+ "&expirationYear=2028&expirationMonth=12"
				+ "&certUrl=https%3A%2F%2Fbadges.example.edu%2Fs%2FAbC-12_xyzAbC-12_xyzAb&certId=3f1c-award");
	}

	@Test
	void withoutAnIdTheIssuerIsNamedAndABadgeThatDoesNotExpireSendsNoExpiry() {
		LinkedInAddToProfile l = new LinkedInAddToProfile("Écrire un résumé", null, "Hogeschool Zuyd – Heerlen", YearMonth.of(2025, 11),
				null, SHARE, "a1");
		assertThat(l.parameters()).doesNotContainKeys("organizationId", "expirationYear", "expirationMonth")
				.containsEntry("organizationName", "Hogeschool Zuyd – Heerlen").containsEntry("issueMonth", "11");
		assertThat(l.url()).isEqualTo("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
				+ "&name=%C3%89crire+un+r%C3%A9sum%C3%A9&organizationName=Hogeschool+Zuyd+%E2%80%93+Heerlen&issueYear=2025&issueMonth=11"
				+ "&certUrl=https%3A%2F%2Fbadges.example.edu%2Fs%2FAbC-12_xyzAbC-12_xyzAb&certId=a1");
	}

	@Test
	void aBlankIdFallsBackToTheNameAndACertificationNeedsOneOfThem() {
		assertThat(new LinkedInAddToProfile("B", " ", "Uni", YearMonth.of(2026, 3), null, SHARE, "x").parameters())
				.containsEntry("organizationName", "Uni").doesNotContainKey("organizationId");
		assertThatThrownBy(() -> new LinkedInAddToProfile("B", null, " ", YearMonth.of(2026, 3), null, SHARE, "x"))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
