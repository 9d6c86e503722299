package org.badgebridge.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.badgebridge.badge.InvalidBadgeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A domain refusal reads in the page's language when it names a key, keeps its English message for the log, and
 * falls back to that message where it names none or a key no bundle has.
 */
class ExplanationsTest {

	static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages", "i18n/teaching", "i18n/learning", "i18n/mail", "i18n/admin");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void aKeyedRefusalIsShownInDutchAndLoggedInEnglish() {
		InvalidBadgeException ex = new InvalidBadgeException("A percentage threshold is between 0 and 100, not 150.0.",
				"common.error.criteria.percent", 150.0);
		assertThat(Explanations.text(bundles(), ex, Locale.forLanguageTag("nl")))
				.isEqualTo("Een drempel in procenten ligt tussen 0 en 100, niet 150.");
		assertThat(Explanations.text(bundles(), ex, Locale.ENGLISH)).isEqualTo("A percentage threshold is between 0 and 100, not 150.");
		assertThat(ex.getMessage()).startsWith("A percentage threshold");
	}

	@Test
	void aRefusalWithoutAKnownKeyShowsItsEnglishMessage() {
		assertThat(Explanations.text(bundles(), new IllegalStateException("It broke."), Locale.forLanguageTag("nl")))
				.isEqualTo("It broke.");
		assertThat(Explanations.text(bundles(), new InvalidBadgeException("Plain.", "common.error.no.such.key"),
				Locale.forLanguageTag("nl"))).isEqualTo("Plain.");
	}

	@Test
	void aFailedLmsCallReadsAsASentenceWithoutItsUrlAndKeepsTheDetailForTheLog() {
		org.badgebridge.lms.LmsCallFailed ex = new org.badgebridge.lms.LmsCallFailed("Moodle UU", "POST",
				"https://lms.example.edu/mod/lti/services.php/2/lineitems", 500, "server error");
		String dutch = Explanations.text(bundles(), ex, Locale.forLanguageTag("nl"));
		assertThat(dutch).startsWith("De leeromgeving (Moodle UU) weigerde het verzoek van de tool (HTTP 500).")
				.doesNotContain("https://");
		assertThat(ex.getMessage()).contains("https://lms.example.edu/mod/lti/services.php/2/lineitems", "answered HTTP 500");
		assertThat(Explanations.text(bundles(), new org.badgebridge.lms.LmsCallFailed("Moodle UU", "GET", "https://x", 0, "timeout"),
				Locale.ENGLISH)).startsWith("The LMS (Moodle UU) did not answer the tool in time.");
	}

	@Test
	void aRefusedRegistrationValueReadsInDutchOnTheAdminPage() {
		var ex = new org.badgebridge.platform.InvalidRegistrationException("issuer", "issuer is longer than 2048 characters",
				"admin.error.registration.length", "issuer", 2048);
		assertThat(Explanations.text(bundles(), ex, Locale.forLanguageTag("nl"))).isEqualTo("issuer is langer dan 2048 tekens");
	}

	@Test
	void aFieldErrorOfAKeyedRefusalKeepsItsKeyAndArguments() {
		InvalidInput input = InvalidInput.of("json", new InvalidBadgeException("The deadline is not a date and time: soon",
				"common.error.criteria.deadline", "soon"));
		assertThat(input.field()).isEqualTo("json");
		assertThat(input.key()).isEqualTo("common.error.criteria.deadline");
		assertThat(Explanations.text(bundles(), input, Locale.forLanguageTag("nl"))).isEqualTo("De deadline is geen datum en tijd: soon");
	}
}
