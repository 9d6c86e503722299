package org.badgebridge.claim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.course.CourseRole;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The mails a learner gets, in English and in Dutch as the learner's stored language says: from templates, HTML with
 * {@code lang}, the badge image with its name as alt text, a link that says where it goes, signed by the institution
 * (name, country, logo) and not by the tool, dates in the institution's time zone with the zone named; the plain-text
 * part says the same; the claim link in the mail opens the claim page.
 */
@SpringBootTest
@org.springframework.context.annotation.Import(LearnerCourse.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LearnerMailsIntegrationTest {

	static final String ISSUER = LearnerCourse.ISSUER;

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	LearnerCourse fixture;

	@Autowired
	Awards awards;

	@Autowired
	ClaimLinks links;

	@Autowired
	EmailConfirmations confirmations;

	@Autowired
	Outbox outbox;

	@Autowired
	MockMvc mvc;

	BadgeClass badge;

	@BeforeEach
	void courseWithAnIssuerOfItsOwn() {
		badge = fixture.open().badge();
	}

	long launch(String sub, String email, String locale, CourseRole role) {
		return fixture.launch(sub, email, locale, role);
	}

	Award awarded(String sub, String locale) {
		return fixture.awarded(sub, locale);
	}

	OutgoingMail mail(String key) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> outbox.recent(1000).stream().filter(m -> m.dedupKey().equals(key))
				.findFirst().orElse(null), m -> m != null);
	}

	static String when(Instant at, String pattern, Locale locale) {
		return DateTimeFormatter.ofPattern(pattern, locale).withZone(AMSTERDAM).format(at);
	}

	/** The element with this id's start tag. */
	static String tag(String html, String id) {
		Matcher tag = Pattern.compile("<[a-z]+ id=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(tag.find()).as("element #" + id + " in " + html).isTrue();
		return tag.group();
	}

	/** The link's visible text and its address, from the HTML part. */
	static String[] claimLink(String html) {
		Matcher a = Pattern.compile("<a id=\"mail-claim-link\" href=\"([^\"]+)\">([^<]+)</a>").matcher(html);
		assertThat(a.find()).as("a claim link in " + html).isTrue();
		return new String[] { HtmlUtils.htmlUnescape(a.group(1)), HtmlUtils.htmlUnescape(a.group(2)) };
	}

	@Test
	void claimMailInEnglishSaysWhoIssuedItUntilWhenInWhichZoneAndItsLinkOpensTheClaimPage() throws Exception {
		Award award = awarded("sue", "en-GB");
		OutgoingMail mail = mail("claim:" + award.id());
		assertThat(mail.subject()).isEqualTo("You earned the badge \"Data Literacy\"");
		assertThat(mail.secret()).as("the claim link is a one-time secret").isEqualTo(OutgoingMail.Secret.BODY);

		String html = mail.htmlBody();
		assertThat(html).containsPattern("<html[^>]*\\slang=\"en\"").doesNotContain("BadgeBridge", "on behalf of");
		assertThat(tag(html, "mail-badge-image")).contains("src=\"http://localhost:8080/badges/" + badge.id() + "/image\"",
				"alt=\"Data Literacy\"");
		assertThat(tag(html, "mail-issuer-logo")).contains("alt=\"Logo of " + ISSUER + "\"", "/ob2/issuers/");
		assertThat(HtmlUtils.htmlUnescape(html)).contains("<title>You earned the badge \"Data Literacy\"</title>",
				"<strong id=\"mail-issuer\">" + ISSUER + "</strong>", "Netherlands");
		String[] link = claimLink(html);
		assertThat(link[1]).isEqualTo("Claim your badge \"Data Literacy\"");
		String token = link[0].substring(link[0].lastIndexOf('/') + 1);
		Instant expires = links.resolve(token).orElseThrow().expiresAt();
		String until = when(expires, "d MMMM yyyy 'at' HH:mm zzzz", Locale.ENGLISH);
		assertThat(until).contains("Central European");
		assertThat(HtmlUtils.htmlUnescape(html)).contains("issued by " + ISSUER + ".", "works until " + until + ".",
				"Your teacher’s note: Final project passed");

		assertThat(mail.textBody()).startsWith("Hello Name sue,\n")
				.contains("You earned the badge \"Data Literacy\" in Datageletterdheid, issued by " + ISSUER + ".",
						"Claim your badge \"Data Literacy\":\n" + link[0] + "\n", "works until " + until + ".",
						ISSUER + " · Netherlands\nhttps://www.voorbeeld.example.nl")
				.doesNotContain("BadgeBridge", "<", "[(", "th:");

		String page = mvc.perform(get(link[0].replace("http://localhost:8080", ""))).andReturn().getResponse().getContentAsString();
		assertThat(page).as("the link from the mail opens this award's claim page").contains("Data Literacy", "id=\"accept\"");
	}

	@Test
	void claimMailInDutchForALearnerWhoLaunchedInDutch() {
		Award award = awarded("jan", "nl_nl"); // Moodle's form of the language code
		OutgoingMail mail = mail("claim:" + award.id());
		assertThat(mail.subject()).isEqualTo("Je hebt de badge \"Data Literacy\" behaald");
		String html = mail.htmlBody();
		assertThat(html).containsPattern("<html[^>]*\\slang=\"nl\"").contains("Nederland");
		assertThat(tag(html, "mail-badge-image")).contains("alt=\"Data Literacy\"");
		assertThat(tag(html, "mail-issuer-logo")).contains("alt=\"Logo van " + ISSUER + "\"");
		String[] link = claimLink(html);
		assertThat(link[1]).isEqualTo("Haal je badge \"Data Literacy\" op");
		Instant expires = links.resolve(link[0].substring(link[0].lastIndexOf('/') + 1)).orElseThrow().expiresAt();
		String until = when(expires, "d MMMM yyyy 'om' HH:mm zzzz", Locale.forLanguageTag("nl"));
		assertThat(until).contains("Midden-Europese");
		assertThat(HtmlUtils.htmlUnescape(html)).contains("uitgegeven door " + ISSUER + ".", "werkt tot " + until + ".");
		assertThat(mail.textBody()).startsWith("Hallo Name jan,\n")
				.contains("Je hebt de badge \"Data Literacy\" behaald in Datageletterdheid, uitgegeven door " + ISSUER + ".",
						"Haal je badge \"Data Literacy\" op:\n" + link[0] + "\n", "werkt tot " + until + ".",
						"Toelichting van je docent: Final project passed", ISSUER + " · Nederland")
				.doesNotContain("BadgeBridge", "You earned");
	}

	@Test
	void revocationNoticeFollowsTheLanguageTheLearnerLastUsedAndGivesReasonAndDateInTheInstitutionsZone() {
		Award award = awarded("piet", "en");
		mail("claim:" + award.id());
		launch("piet", "piet@example.nl", "nl", CourseRole.LEARNER); // the learner's language is now Dutch
		Award revoked = awards.revoke(award.id(), "teacher:teacher", "Plagiaat in het eindproject");
		OutgoingMail mail = mail("revoked:" + award.id());
		assertThat(mail.subject()).isEqualTo("Je badge \"Data Literacy\" is ingetrokken");
		assertThat(mail.secret()).isEqualTo(OutgoingMail.Secret.NONE);
		String on = when(revoked.revokedAt(), "d MMMM yyyy 'om' HH:mm zzzz", Locale.forLanguageTag("nl"));
		assertThat(mail.htmlBody()).containsPattern("<html[^>]*\\slang=\"nl\"").contains("id=\"mail-revoke-reason\"");
		assertThat(tag(mail.htmlBody(), "mail-badge-image")).contains("alt=\"Data Literacy\"");
		assertThat(HtmlUtils.htmlUnescape(mail.htmlBody())).contains("is op " + on + " ingetrokken door " + ISSUER + ".",
				"Reden: Plagiaat in het eindproject");
		assertThat(mail.textBody()).contains("is op " + on + " ingetrokken door " + ISSUER + ".", "Reden: Plagiaat in het eindproject",
				"Midden-Europese", ISSUER + " · Nederland").doesNotContain("Reason", "BadgeBridge");
	}

	@Test
	void confirmationCodeMailInTheLearnersLanguageSignedByTheCoursesIssuer() {
		long contextId = launch("anon", null, "nl-NL", CourseRole.LEARNER);
		String address = "anon-" + UUID.randomUUID() + "@example.nl";
		confirmations.start(contextId, "anon", address);
		OutgoingMail mail = outbox.recent(1000).stream().filter(m -> m.recipient().equals(address)).findFirst().orElseThrow();
		String code = mail.subject().replaceAll("\\D", "");
		assertThat(mail.subject()).isEqualTo("Je bevestigingscode: " + code);
		assertThat(code).hasSize(6);
		assertThat(mail.secret()).isEqualTo(OutgoingMail.Secret.SUBJECT_AND_BODY);
		assertThat(mail.htmlBody()).containsPattern("<html[^>]*\\slang=\"nl\"").contains("<strong id=\"mail-code\">" + code + "</strong>");
		assertThat(tag(mail.htmlBody(), "mail-issuer-logo")).contains("alt=\"Logo van " + ISSUER + "\"");
		assertThat(mail.textBody()).contains("\n    " + code + "\n", "De code werkt 30 minuten, tot ", "Midden-Europese",
				ISSUER + " · Nederland").doesNotContain("BadgeBridge");
	}
}
