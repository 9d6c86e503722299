package org.badgebridge.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.LaunchRecord;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.launch.ToolSessions;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

/**
 * What a learner and the public see, as visible text: the badge panel before earning (criteria in words, "no grade
 * yet", learning outcomes, issuer, where the mail will go), after earning (the claim button and the address) and after
 * claiming in the panel (public page and downloads); the claim page and the catalogue with the badge's own image at its
 * aspect ratio; the public page of a revoked award (date and issuer, never the reason), with the issuer as signed into
 * the credential even after the profile changed; and "verify a badge" naming the issuer and reading a revocation as a
 * failure.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LearnerPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	ToolSessions sessions;

	@Autowired
	Badges badges;

	@Autowired
	Issuers issuers;

	@Autowired
	BadgeImages images;

	@Autowired
	Awards awards;

	@Autowired
	ClaimLinks links;

	@Autowired
	OpenBadges3 ob3;

	record Course(Registration registration, IssuerProfile issuer, BadgeClass badge, LaunchRecord ana, LaunchRecord ben) {
	}

	/** A course of "Example University" (NL) with a badge "at least 80% on Final project", learning outcomes, and two learners. */
	Course course() {
		String iss = "https://lms-" + System.nanoTime() + ".example.edu";
		Registration r = registrations.create(new RegistrationValues("LMS", iss, "client", "moodle", iss + "/auth", iss + "/token", null,
				iss + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
		IssuerProfile issuer = issuers.save(null, "Example University", "https://www.example.edu", null, "NL", null, r.id());
		LaunchRecord teacher = launch(r, "t1", "Terry Teacher", CourseRole.TEACHER, null);
		BadgeClass badge = badges.create("Data Literacy", "Reads and judges data", teacher.contextId(), "t1", r.id());
		badges.update(badge.id(), badge.name(), badge.description(), new BadgeDetails(null, false, "- analyses a data set\n- judges a chart",
				null, null, null, null, null, null, null, null, null, null, null, null));
		badge = badges.setCriteria(badge.id(), new Criteria(new Criterion.ScoreRule("final",
				new Criterion.Column("https://lms.example.edu/lineitems/7", null, null, "Final project"), Criterion.Threshold.PERCENT, 80),
				null));
		return new Course(r, issuer, badge, launch(r, "s1", "Ana Li", CourseRole.LEARNER, "ana@example.edu"),
				launch(r, "s2", "Ben Okafor", CourseRole.LEARNER, "ben@example.edu"));
	}

	LaunchRecord launch(Registration r, String sub, String name, CourseRole role, String email) {
		return courses.recordLaunch(new LaunchFacts(r.id(), "1", "course-1", "C1", "Statistics 101", sub, name, email, "en",
				List.of(role == CourseRole.TEACHER ? "Instructor" : "Learner"), role, "link-1", "Badge link", null, null, null, null, null));
	}

	Cookie session(Course c, LaunchRecord who, String sub, String name) {
		return new Cookie(ToolSessions.COOKIE, sessions.create(c.registration().id(), "1", who.contextId(), who.memberId(), sub, name,
				CourseRole.LEARNER, "en", who.resourceLinkId(), c.badge().id(), null).id());
	}

	String page(String path, Cookie cookie, String language) throws Exception {
		// a tool session carries its launch's language, which beats the browser's: the page's switch (?lang=) beats both
		var request = get(path).header("Accept-Language", language);
		if (cookie != null) {
			request.param("lang", language);
		}
		return mvc.perform(cookie == null ? request : request.cookie(cookie)).andReturn().getResponse().getContentAsString();
	}

	/** Waits for the claim listener's own link (it replaces an award's link) before a test stores one it knows. */
	String linkAfterTheListener(Award award) throws InterruptedException {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> links.forAward(award.id()).isPresent());
		String token = ClaimLinks.newToken();
		links.store(award.id(), token, Instant.now().plus(Duration.ofDays(30)));
		return token;
	}

	static byte[] png(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
		return out.toByteArray();
	}

	@Test
	void beforeEarningThePanelSaysWhatToDoHowFarAndWhatComesNext() throws Exception {
		Course c = course();
		Cookie ben = session(c, c.ben(), "s2", "Ben Okafor");

		String en = page("/lti/learn/badges/" + c.badge().id(), ben, "en");
		assertThat(en).contains("id=\"learner-view\"", "Hello Ben Okafor", "Score at least 80% on \u201cFinal project\u201d",
				"No grade yet", "Learning outcomes", "- analyses a data set", "Example University", " (NL)", "Course: Statistics 101",
				"What happens next", "We will also mail a claim link to ben@example.edu").doesNotContain("(0%)", "id=\"earned\"", "id=\"claim\"");

		String nl = page("/lti/learn/badges/" + c.badge().id(), ben, "nl");
		assertThat(nl).contains("Haal minstens 80% voor \u2018Final project\u2019", "Nog geen cijfer", "Leeruitkomsten", "Uitgegeven door",
				"Wat gebeurt er hierna", "We mailen ook een claimlink naar ben@example.edu").doesNotContain("No grade yet");
	}

	@Test
	void anEarnedBadgeIsClaimedInThePanelLikeTheMailedLink() throws Exception {
		Course c = course();
		Award award = awards.awardByHand(c.badge().id(), "s1", "teacher:t1", "by hand").orElseThrow();
		Cookie ana = session(c, c.ana(), "s1", "Ana Li");
		String token = linkAfterTheListener(award);

		String earned = page("/lti/learn/badges/" + c.badge().id(), ana, "en");
		assertThat(earned).contains("id=\"earned\"", "You earned this badge", "id=\"claim\"", "Claim your badge",
				"We also mailed a claim link to ana@example.edu").doesNotContain("id=\"panel-json\"");

		mvc.perform(post("/lti/learn/badges/" + c.badge().id() + "/claim").cookie(ana).with(csrf()));
		assertThat(awards.find(award.id()).orElseThrow().claimed()).isTrue();
		assertThat(links.resolve(token).orElseThrow().usedAt()).as("the claim link is used up as if followed").isNotNull();

		String claimed = page("/lti/learn/badges/" + c.badge().id(), ana, "en");
		assertThat(claimed).contains("You claimed this badge on", "href=\"/verify/" + award.id() + "\"", "id=\"public-page-link\"",
				"id=\"panel-json\"", "id=\"panel-png\"", "Download your badge").doesNotContain("id=\"claim\"");
		assertThat(page("/lti/learn/badges/" + c.badge().id(), ana, "nl")).contains("Je hebt deze badge geclaimd op", "Download je badge");
		String claimPage = page("/claim/" + token, null, "en");
		assertThat(claimPage).contains("id=\"claimed\"", "You claimed this badge on");
	}

	@Test
	void claimPageAndCatalogueShowTheBadgesOwnImageAtItsRatioAndTheInstitution() throws Exception {
		Course c = course();
		images.store(c.badge().id(), png(200, 100));
		images.storeIssuerLogo(c.issuer().id(), png(300, 100));
		Award award = awards.awardByHand(c.badge().id(), "s1", "teacher:t1", "by hand").orElseThrow();
		String token = linkAfterTheListener(award);

		String claim = page("/claim/" + token, null, "en");
		assertThat(claim).contains("src=\"/badges/" + c.badge().id() + "/image\"", "width=\"128\"", "height=\"64\"",
				"alt=\"Badge image: Data Literacy\"", "Example University", "(NL)", "Course: Statistics 101", "id=\"accept\"")
				.doesNotContain("\u2605");
		assertThat(claim).containsPattern("src=\"/ob2/issuers/" + c.issuer().id() + "/image\" width=\"48\"\\s+height=\"16\" alt=\"Logo of Example University\"");
		assertThat(page("/claim/" + token, null, "nl")).contains("Mijn badge accepteren", "Uitgegeven door", "Cursus: Statistics 101");

		badges.setInCatalogue(c.badge().id(), true);
		String list = page("/catalogue?q=" + "Data Literacy", null, "en");
		assertThat(list).contains("src=\"/badges/" + c.badge().id() + "/image\" width=\"64\" height=\"32\"", "By Example University (NL)")
				.doesNotContain("\u2605");
		assertThat(page("/catalogue/" + c.badge().id(), null, "en")).contains("src=\"/badges/" + c.badge().id() + "/image\"",
				"Example University");
	}

	@Test
	void thePublicPageOfARevokedAwardGivesDateAndIssuerButNotTheReasonAndKeepsTheSignedIssuer() throws Exception {
		Course c = course();
		Award award = awards.awardByHand(c.badge().id(), "s1", "teacher:t1", "by hand").orElseThrow();
		awards.markClaimed(award.id());
		ob3.issue(award.id());
		issuers.save(c.issuer().id(), "Renamed Institute", "https://renamed.example.edu", null, "BE", null, c.registration().id());

		String valid = page("/verify/" + award.id(), null, "en");
		assertThat(valid).contains("Valid: this badge was issued by Example University", "(NL)", "Course: Statistics 101")
				.doesNotContain("Renamed Institute");

		awards.revoke(award.id(), "teacher:t1", "Copied the final project");
		String revoked = page("/verify/" + award.id(), null, "en");
		String date = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(java.util.Locale.ENGLISH)
				.withZone(java.time.ZoneId.of("Europe/Amsterdam")).format(awards.find(award.id()).orElseThrow().revokedAt());
		assertThat(revoked).contains("Revoked on " + date + " by Example University").doesNotContain("Copied the final project");
		assertThat(page("/verify/" + award.id(), null, "nl")).contains("Ingetrokken op", "door Example University")
				.doesNotContain("Copied the final project");
		Cookie ana = session(c, c.ana(), "s1", "Ana Li");
		assertThat(page("/lti/learn/badges/" + c.badge().id(), ana, "en")).as("the learner is told why")
				.contains("This badge was revoked on " + date, "Copied the final project");
	}

	@Test
	void theVerifierNamesTheIssuerSaysHowItKnowsAndReadsARevocationAsAFailure() throws Exception {
		Course c = course();
		Award award = awards.awardByHand(c.badge().id(), "s1", "teacher:t1", "by hand").orElseThrow();
		awards.markClaimed(award.id());
		String json = ob3.issue(award.id()).json();

		String valid = mvc.perform(post("/verify").param("text", json).with(csrf()).header("Accept-Language", "en")).andReturn().getResponse()
				.getContentAsString();
		assertThat(valid).contains("id=\"issuer-name\">Example University<", "Signed with the own key of this tool (localhost)",
				"Valid: \u201cData Literacy\u201d, issued by Example University");
		assertThat(valid.indexOf("id=\"report\"")).as("the result comes before the form").isLessThan(valid.indexOf("id=\"verify-form\""));
		assertThat(valid).contains("action=\"/verify#result\"");

		awards.revoke(award.id(), "teacher:t1", "Copied the final project");
		String revoked = mvc.perform(post("/verify").param("text", json).with(csrf()).header("Accept-Language", "en")).andReturn()
				.getResponse().getContentAsString();
		assertThat(revoked).contains("Not valid: revoked by the issuer on ").containsPattern(
				"Status \\(revocation\\)</span>\\s*<span class=\"check-result\">Failed</span>\\s*<span class=\"check-detail wrap\">Revoked by the issuer on ")
				.doesNotContain("Copied the final project").doesNotContainPattern("Status \\(revocation\\)</span>\\s*<span class=\"check-result\">Passed");
		String nl = mvc.perform(post("/verify").param("text", json).with(csrf()).header("Accept-Language", "nl")).andReturn().getResponse()
				.getContentAsString();
		assertThat(nl).contains("Niet geldig: ingetrokken door de uitgevende instelling op").as("the status check's detail in Dutch too")
				.containsPattern("Status \\(intrekking\\)</span>\\s*<span class=\"check-result\">Mislukt</span>\\s*"
						+ "<span class=\"check-detail wrap\">Ingetrokken door de uitgevende instelling op ");
	}
}
