package org.badgebridge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.OpenBadges3;

/**
 * "Verify a badge" and an award's public page in Dutch: every check's name and detail, every reason a badge could not
 * be checked, the dates (as Dutch writes them, in the institution's time zone) and the criteria in the page's language;
 * no English left over from the checks.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class VerifierInDutchIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	Badges badges;

	static String dutchDate(Instant at) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("nl")).withZone(ZoneId.of("Europe/Amsterdam"))
				.format(at);
	}

	String verify(String text, String email) throws Exception {
		var request = post("/verify").param("text", text).param("lang", "nl").header("Accept-Language", "nl").with(csrf());
		if (email != null) {
			request.param("email", email);
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	/** The result alone: the form echoes the pasted text, which is the holder's, not ours. */
	static String result(String page) {
		int start = page.indexOf("id=\"report\"");
		int end = page.indexOf("id=\"verify-form\"");
		assertThat(start).as("a result").isPositive();
		return page.substring(start, end);
	}

	static void noEnglishChecks(String result) {
		assertThat(result).doesNotContain("Signature", "Enter the holder", "Issued ", "issued by", "The credential", "Not revoked",
				"according to the issuer", "Valid Data Integrity", "Could not be checked", "Not valid", "Verifiable credential", "Open Badges 3.0 credential",
				"This tool", "this tool", "The file", "The text");
	}

	@Test
	void aValidCredentialReadsInDutchWithDutchDates() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		String json = ob3.issue(made.award().id()).json();

		String result = result(verify(json, null));
		assertThat(result).contains("Handtekening", "Geldige Data Integrity-handtekening", "Uitgegeven op " + dutchDate(made.award().awardedAt()),
				"Niet ingetrokken volgens de statuslijst van de uitgevende instelling",
				// the credential names no one by default (the learner chooses to show a name), so it asks for the address
				"Vul het e-mailadres van de houder in om te controleren of de credential aan die persoon is uitgegeven.",
				"Open Badges 3.0-credential")
				.containsPattern("id=\"issued-on\">" + dutchDate(made.award().awardedAt()) + "<");
		noEnglishChecks(result);

		String checked = result(verify(json, "sue@example.edu"));
		assertThat(checked).contains("Uitgegeven aan sue@example.edu.");
		noEnglishChecks(checked);
		assertThat(result(verify(json, "eve@example.edu"))).contains("Niet geldig: De badge is niet uitgegeven aan eve@example.edu.");
	}

	@Test
	void aTamperedCredentialIsNotValidInDutch() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		String json = ob3.issue(made.award().id()).json().replace("Data Literacy", "Data Wizardry");

		String result = result(verify(json, null));
		assertThat(result).contains("Niet geldig: De handtekening klopt niet (technische melding", "Mislukt");
		assertThat(result).doesNotContain("Signature", "Enter the holder", "Could not be checked", "Not valid");
	}

	@Test
	void anUnreadableFileAndAnUnknownLinkSayWhyInDutch() throws Exception {
		String garbage = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "badge.txt", "text/plain", "hello".getBytes()))
				.param("lang", "nl").header("Accept-Language", "nl").with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(result(garbage)).contains("Het bestand is geen badge die deze tool herkent");
		noEnglishChecks(result(garbage));

		String empty = result(verify("{\"a\":", null));
		assertThat(empty).contains("De tekst is geen geldige JSON.");
		noEnglishChecks(empty);

		String unknown = result(verify("http://localhost:8080/ob2/assertions/no-such-award", null));
		assertThat(unknown).contains("Deze tool kent niets op http://localhost:8080/ob2/assertions/no-such-award.");
		noEnglishChecks(unknown);
	}

	@Test
	void thePublicPageGivesCriteriaAndDatesInDutch() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		BadgeDetails d = made.badge().details();
		badges.update(made.badge().id(), made.badge().name(), made.badge().description(), new BadgeDetails(null, d.microCredential(),
				d.learningOutcomes(), d.workloadValue(), d.workloadUnit(), d.eqfLevel(), d.assessmentType(), d.participation(),
				d.qualityAssurance(), d.language(), d.prerequisites(), d.stackability(), d.expiryMonths(), d.awardingBody(), d.country()));
		badges.setCriteria(made.badge().id(), new Criteria(new Criterion.ScoreRule("final",
				new Criterion.Column("https://lms.example.edu/lineitems/7", null, null, "Final project"), Criterion.Threshold.PERCENT, 80), null));

		String nl = mvc.perform(get("/verify/" + made.award().id()).param("lang", "nl").header("Accept-Language", "nl")).andReturn().getResponse()
				.getContentAsString();
		assertThat(nl).contains("Haal minstens 80% voor \u2018Final project\u2019", dutchDate(made.award().awardedAt()))
				.doesNotContain("At least 80%");
		String en = mvc.perform(get("/verify/" + made.award().id()).header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
		assertThat(en).contains("Score at least 80% on \u201cFinal project\u201d");
	}
}
