package org.badgebridge.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.Issuers;
import org.badgebridge.browser.pages.ClaimPage;
import org.badgebridge.browser.pages.DeepLinkingPicker;
import org.badgebridge.browser.pages.DemoCourse;
import org.badgebridge.browser.pages.LearnerPanel;
import org.badgebridge.browser.pages.TeacherPage;
import org.badgebridge.browser.pages.Verifier;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.Courses;
import org.badgebridge.mail.Outbox;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.Axe;
import org.badgebridge.support.BrowserCondition;
import org.badgebridge.support.Chromium;
import org.badgebridge.support.DemoServerTest;
import org.badgebridge.support.Keyboard;
import org.badgebridge.support.Screens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's walk in Chromium, cross-site (demo LMS on 127.0.0.1, the tool on localhost in its frame): a teacher
 * adds a badge by Deep Linking and lands on its dashboard; in the set-up steps creates an assessed column (the mirror
 * formula reads {@code =[[quiz1]]}), sets a criterion; a microcredential without EU elements keeps awarding off with
 * the reason at the switch; awarding goes on; Ana Li's panel says "No grade yet"; she gets 85 in the demo gradebook;
 * "Read the course now" and her row turns "earned" on the same page, without a reload; she opens her panel and claims
 * the badge there ("Claim your badge"), the claim mail's link shows the claimed page; the teacher's revoke asks first
 * and the public page says revoked but not why. The demo platform has its own issuer profile (name, country, logo):
 * the learner panel, the claim page and mail, the public page, the verifier and the catalogue name that institution
 * and the course, and show the image the teacher uploaded in the badge step at its own aspect ratio on a 390 px phone
 * ({@link InstitutionShown}, {@link PublicPagesWalk}); the dashboard's table shows Ana's score; after the revoke the
 * verifier's status check fails. On every tool page of the walk, at 1280 and 320 CSS px: axe-core
 * (WCAG 2.1 A/AA, collapsed sections opened) finds nothing serious or critical, the page does not scroll sideways at
 * 320 px, its {@code lang} is the walk's language, and a full-page screenshot goes to
 * {@code target/screenshots/<walk>-<step>-<width>.png}; every violation of any impact, and every other problem, is
 * listed in {@code target/screenshots/<walk>-findings.txt}. Once in English and once in Dutch (the demo course's
 * language, sent as {@code launch_presentation.locale}, and the browser's Accept-Language), and once by keyboard only
 * for the teacher's steps, with a visible focus on each element reached. Element lookups live in the page objects of
 * {@code browser.pages}.
 */
@ExtendWith(BrowserCondition.class)
class AccessibleWalkBrowserTest extends DemoServerTest {

	static final String ANA = "Ana Li";

	static final Pattern CLAIM_LINK = Pattern.compile("https?://[^\\s\"<>]+/claim/[A-Za-z0-9_-]+");

	@Autowired
	Registrations registrations;

	@Autowired
	Awards awards;

	@Autowired
	Outbox outbox;

	@Autowired
	Issuers issuers;

	@Autowired
	BadgeImages images;

	@Autowired
	Courses courses;

	@Autowired
	MessageSource messages;

	/** Cases 5, 6 and 11: the badge's own image and the institution where learners and employers see the badge. */
	InstitutionShown shown;

	/** The demo platform's own issuer profile, which issues the walk's badges. */
	long institution;

	final Chromium browsers = new Chromium();

	final List<Axe.Violation> violations = new ArrayList<>();

	/** What fails the walk besides axe: a page in the wrong language, sideways scrolling, focus not shown. */
	final List<String> problems = new ArrayList<>();

	WebDriver d;

	String walk;

	String language;

	@AfterEach
	void noContentSecurityPolicyViolation() {
		try {
			assertThat(browsers.cspViolations()).as("refused by the Content-Security-Policy, in any frame").isEmpty();
		}
		finally {
			browsers.close();
		}
	}

	@ParameterizedTest(name = "in {0}")
	@ValueSource(strings = { "en", "nl" })
	void teacherSetsUpABadgeAnaEarnsItAndClaimsIt(String locale) throws Exception {
		start("walk-" + locale, locale);
		String badge = "Walk badge " + locale + " " + suffix();
		String column = "Final project " + locale + " " + suffix();
		DemoCourse course = new DemoCourse(d, demo).language(locale);
		course.addBadge();
		DeepLinkingPicker picker = new DeepLinkingPicker(d);
		check("add-badge", true);
		picker.create(badge, "Badge of the accessible walk");
		course.awaitActivity(badge);

		course.launchNewestAsTeacher();
		TeacherPage teacher = new TeacherPage(d);
		assertThat(teacher.name()).isEqualTo(badge);
		String badgeId = teacher.badgeId();
		assertThat(teacher.path()).as("a teacher's launch opens the dashboard").endsWith("/lti/teach/badges/" + teacher.badgeId());
		assertThat(teacher.syncNowLabel()).isEqualTo(nl() ? "Cursus nu lezen" : "Read the course now");
		check("teacher-dashboard-new", true);
		// case 9: set-up in steps; no awarding switch before a criterion, and the page says why
		assertThat(teacher.steps()).containsExactly("dashboard", "badge", "columns", "criteria", "review");
		assertThat(teacher.offersAwardingSwitch()).as("an awarding switch before any criterion").isFalse();
		assertThat(teacher.textOf(TeacherPage.AWARDING_MISSING)).startsWith(shown.text("teaching.awarding.needsCriteria"));

		// case 5: the teacher uploads the badge's own image in the badge step
		teacher.step("badge");
		teacher.uploadImage(InstitutionShown.badgeImage());
		assertThat(d.findElement(TeacherPage.IMAGE).getDomAttribute("src")).endsWith("/badges/" + badgeId + "/image");
		check("teacher-badge-image", true);

		teacher.step("columns");
		// case 3: Moodle's formula as Moodle wants it, not eaten by the template engine
		assertThat(teacher.mirrorFormula()).isEqualTo("=[[quiz1]]");
		check("teacher-columns", true);
		teacher.createColumn(column, "100");
		assertThat(teacher.text()).contains(column);
		check("teacher-column-created", true);

		teacher.step("criteria");
		check("teacher-criteria", true);
		teacher.setCriterion(column, "80");
		check("teacher-criterion-saved", true);

		// case 1: a microcredential without its EU elements: the switch says why it stays off, next to it
		teacher.step("badge");
		teacher.microCredential(true);
		assertThat(teacher.steps()).as("a microcredential adds the EU step")
				.containsExactly("dashboard", "badge", "columns", "criteria", "eu", "review");
		teacher.dashboard();
		assertThat(teacher.textOf(TeacherPage.AWARDING_NEEDS_EU)).as("what is missing, next to the switch")
				.contains(nl() ? "Er ontbreken nog EU-elementen" : "Some EU elements of a microcredential are still missing");
		teacher.switchAwardingOn();
		assertThat(teacher.awardingOn()).as("awarding stays off without the EU elements").isFalse();
		assertThat(teacher.textOf(TeacherPage.AWARDING_ERROR)).as("why awarding stays off, at the switch").isNotBlank();
		check("teacher-awarding-needs-eu", true);
		teacher.step("badge");
		teacher.microCredential(false);

		teacher.dashboard();
		teacher.switchAwardingOn();
		assertThat(teacher.awardingOn()).as("awarding is on after the switch").isTrue();
		assertThat(d.findElement(TeacherPage.AWARDING_ON).getText())
				.startsWith(nl() ? "Automatisch uitreiken staat aan" : "Automatic awarding is on");
		check("teacher-awarding-on", true);
		teacher.step("review");
		teacher.listInCatalogue();
		check("teacher-review-listed", true);

		// case 10: before any grade the panel says so, not "0%"
		course.open();
		course.launchNewestAs(DemoCourse.ANA);
		LearnerPanel before = new LearnerPanel(d);
		assertThat(before.text()).contains(nl() ? "Nog geen cijfer" : "No grade yet")
				.doesNotContainPattern("(?<![0-9.,])0\\s?%");
		check("learner-no-grade", true);

		gradeSyncAndClaim(course, badgeId, badge, column, null);
		finish();
	}

	@Test
	void keyboardOnlyTeacherSetsUpABadge() throws Exception {
		start("keyboard-en", "en");
		Keyboard keys = new Keyboard(d);
		String badge = "Keyboard badge " + suffix();
		String column = "Final project kb " + suffix();
		DemoCourse course = new DemoCourse(d, demo).open();
		keys.activate(DemoCourse.ADD_BADGE_LINK);
		course.enterTool();
		new DeepLinkingPicker(d);
		keys.fill(DeepLinkingPicker.NAME_FIELD, badge);
		keys.fill(DeepLinkingPicker.DESCRIPTION_FIELD, "Set up without a mouse");
		keys.activate(DeepLinkingPicker.CREATE_BUTTON);
		course.awaitActivity(badge);

		String newest = course.newestTeacherLaunch().getDomAttribute("href");
		keys.tabTo("the newest activity's Launch as teacher", e -> newest.equals(e.getDomAttribute("href")));
		keys.enter();
		course.enterTool();
		TeacherPage teacher = new TeacherPage(d);
		assertThat(teacher.name()).isEqualTo(badge);
		teacher = byKeyboard(course, () -> keys.activate(TeacherPage.COLUMNS_STEP_LINK));
		teacher = byKeyboard(course, () -> {
			keys.fill(TeacherPage.COLUMN_LABEL_FIELD, column);
			keys.activate(TeacherPage.CREATE_COLUMN_BUTTON);
		});
		teacher = byKeyboard(course, () -> keys.activate(TeacherPage.CRITERIA_STEP_LINK));
		teacher = byKeyboard(course, () -> {
			keys.fill(TeacherPage.CRITERIA_VALUE_FIELD, "80");
			keys.choose(TeacherPage.CRITERIA_COLUMN_FIELD, column);
			keys.activate(TeacherPage.SAVE_CRITERIA_BUTTON);
		});
		teacher = byKeyboard(course, () -> keys.activate(TeacherPage.DASHBOARD_LINK));
		teacher = byKeyboard(course, () -> keys.activate(TeacherPage.AWARDING_ON_BUTTON));
		assertThat(teacher.awardingOn()).as("awarding is on after the switch by keyboard").isTrue();
		Screens.capture(d, walk, "teacher-awarding-on", Screens.WIDE, DemoCourse.FRAME);

		gradeSyncAndClaim(course, teacher.badgeId(), badge, column, keys);
		keys.invisibleFocus().forEach(e -> problems.add("focus not visible on " + e));
		finish();
	}

	@Test
	void axeRunsUnderTheToolsContentSecurityPolicyAndFindsAnUnlabelledField() throws Exception {
		start("harness", "en");
		d.get("http://localhost:" + PORT + "/verify");
		assertThat(Axe.check(d, "verify")).as("the page as it is").noneMatch(v -> v.targets().contains("#unlabelled"));
		// a field without a label, added from a script (DOM calls from WebDriver are not governed by the policy)
		((JavascriptExecutor) d).executeScript("const i = document.createElement('input'); i.id = 'unlabelled';"
				+ " document.querySelector('main').append(i);");
		List<Axe.Violation> found = Axe.check(d, "verify with an unlabelled field");
		assertThat(Axe.blocking(found)).filteredOn(v -> v.targets().contains("#unlabelled")).singleElement()
				.satisfies(v -> assertThat(v.rule()).isEqualTo("label"));
		assertThat(Screens.capture(d, walk, "verify", Screens.WIDE, null)).isNotEmptyFile();

		d.get("data:text/html,<main><p>fits</p><p><input id=wide></p></main>");
		Screens.width(d, Screens.NARROW);
		assertThat(Screens.sidewaysOverflow(d)).as("nothing past the edge at 320 px").isEmpty();
		((JavascriptExecutor) d).executeScript("document.getElementById('wide').style.width = '900px';");
		assertThat(Screens.sidewaysOverflow(d)).singleElement().asString().startsWith("input#wide");
	}

	/**
	 * Ana gets 85, the teacher reads the course (by keyboard when {@code keys} is given) and sees Ana's award appear
	 * without reloading; Ana opens her panel and claims the badge there; the teacher's revoke asks first.
	 */
	void gradeSyncAndClaim(DemoCourse course, String badgeId, String badge, String column, Keyboard keys) throws Exception {
		course.grade(column, ANA, "85");
		course.open();
		course.launchNewestAsTeacher();
		TeacherPage teacher = new TeacherPage(d);
		if (keys == null) {
			teacher.syncNow();
		}
		else {
			teacher = byKeyboard(course, () -> keys.activate(TeacherPage.SYNC_NOW_BUTTON));
		}
		// case 2: the award shows on the page that answered "Read the course now", without a reload
		String earned = nl() ? "behaald" : "earned";
		assertThat(teacher.awaitLearnerState(ANA, earned, Duration.ofSeconds(60))).as("Ana's row, live").isEqualTo(earned);
		Award award = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> anasAward(badgeId), Optional::isPresent).get();
		if (keys == null) {
			check("teacher-earned", true);
			// case 9: the table shows Ana's score, not a time stamp
			assertThat(teacher.learnerScore(ANA)).isEqualTo(shown.text("teaching.learners.scoreValue", "85", "100", "85"))
					.doesNotContainPattern("\\d{1,2}:\\d{2}");
		}
		String courseTitle = courses.context(award.contextId()).map(CourseContext::displayTitle).orElseThrow();

		course.open();
		course.launchNewestAs(DemoCourse.ANA);
		LearnerPanel panel = new LearnerPanel(d);
		assertThat(panel.greeting()).contains(badge, ANA);
		assertThat(panel.earned()).as("the panel says Ana earned it")
				.contains(nl() ? "Je hebt deze badge behaald" : "You earned this badge");
		assertThat(panel.claimLabel()).isEqualTo(nl() ? "Claim je badge" : "Claim your badge");
		if (keys == null) {
			check("learner-earned", true);
			shown.ownImage("the learner panel", LearnerPanel.IMAGE, badgeId);
			shown.institutionAndCourse("the learner panel", institution, courseTitle);
			panel.claim();
		}
		else {
			keys.activate("Claim your badge");
			course.enterTool();
			new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(30))
					.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(LearnerPanel.CLAIMED));
			panel = new LearnerPanel(d);
		}
		assertThat(panel.claimed()).as("the panel says it is claimed").isNotBlank();
		assertThat(panel.downloads()).as("downloads after claiming").isNotBlank();
		if (keys == null) {
			check("learner-claimed", true);
			// the claim mail's link still leads to the (now claimed) claim page, outside the LMS
			OutgoingMail mail = claimMail(award);
			shown.mail(mail, badge, courseTitle);
			ClaimPage claim = new ClaimPage(d, claimLink(mail));
			assertThat(claim.name()).isEqualTo(badge);
			check("claim-claimed", false);
			shown.ownImage("the claim page", ClaimPage.IMAGE, badgeId);
			shown.institutionAndCourse("the claim page", institution, courseTitle);
			new BackpackWalk(this, award, mail.recipient()).signInAndOpenTheAward();
			new PublicPagesWalk(this, award, badgeId, badge, courseTitle).whileValid();
			new OwnPlaceWalk(this, award, badge).addsAnAddressAndSharesFromTheBackpack();
			revokeAsks(course, award);
			new PublicPagesWalk(this, award, badgeId, badge, courseTitle).afterRevoke();
		}
	}

	/** Case 7: revoke asks first, and the public page says it is revoked but not why. */
	void revokeAsks(DemoCourse course, Award award) throws IOException {
		course.open();
		course.launchNewestAsTeacher();
		TeacherPage teacher = new TeacherPage(d);
		teacher.revokeFirst();
		assertThat(d.findElement(By.id("revoke-title")).getText()).contains(ANA);
		check("teacher-revoke-confirm", true);
		String reason = "Walk reason " + suffix();
		d.findElement(By.id("revoke-reason")).sendKeys(reason);
		WebElement old = d.findElement(TeacherPage.VIEW);
		d.findElement(By.id("confirm-revoke")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(30))
				.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(old));
		d.switchTo().defaultContent();
		d.get("http://localhost:" + PORT + "/verify/" + award.id());
		String page = d.findElement(By.tagName("main")).getText();
		assertThat(page).as("the public page says revoked, when and by whom")
				.containsPattern(nl() ? "Ingetrokken op .+ door .+: deze badge is niet meer geldig"
						: "Revoked on .+ by .+: this badge is no longer valid")
				.as("and never why").doesNotContain(reason);
		check("public-revoked", false);
	}

	/** The tool's address (its public URL). */
	String tool() {
		return "http://localhost:" + PORT;
	}

	boolean nl() {
		return "nl".equals(language);
	}

	/** Runs keyboard input that sends a form of the teacher page, and returns the page that answers it. */
	TeacherPage byKeyboard(DemoCourse course, Runnable input) {
		course.enterTool();
		WebElement old = d.findElement(TeacherPage.VIEW);
		input.run();
		course.enterTool();
		return TeacherPage.after(d, old);
	}

	Optional<Award> anasAward(String badgeId) {
		return awards.forBadge(badgeId).stream().filter(a -> DemoCourse.ANA.equals(a.userSub())).findFirst();
	}

	OutgoingMail claimMail(Award award) {
		return Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> outbox.recent(200).stream().filter(m -> m.dedupKey().equals("claim:" + award.id())).findFirst(),
						Optional::isPresent).get();
	}

	static String claimLink(OutgoingMail mail) {
		Matcher link = CLAIM_LINK.matcher(mail.textBody());
		assertThat(link.find()).as("a claim link in the mail to Ana").isTrue();
		return link.group();
	}

	/**
	 * Checks the page of the current frame ({@code inFrame}: the tool in the LMS's frame) at both widths: axe, sideways
	 * scrolling at 320 px, its language, and a full-page screenshot.
	 */
	void check(String step, boolean inFrame) throws IOException {
		String frame = inFrame ? DemoCourse.FRAME : null;
		for (int width : List.of(Screens.WIDE, Screens.NARROW)) {
			Screens.width(d, width);
			violations.addAll(Axe.check(d, walk + "/" + step + "@" + width));
			List<String> overflow = width == Screens.NARROW ? Screens.sidewaysOverflow(d) : List.of();
			if (!overflow.isEmpty()) {
				problems.add(walk + "/" + step + ": scrolls sideways at " + width + " px, past the edge: " + overflow);
			}
			Screens.capture(d, walk, step, width, frame);
		}
		Screens.width(d, Screens.WIDE);
		String lang = (String) ((JavascriptExecutor) d).executeScript("return document.documentElement.lang;");
		if (!language.equals(lang == null ? "" : lang.split("-")[0])) {
			problems.add(walk + "/" + step + ": lang is \"" + lang + "\" in a browser that asks for " + language);
		}
	}

	void start(String name, String locale) throws Exception {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !registrations.byIssuer(demo).isEmpty());
		walk = name;
		language = locale;
		institution = InstitutionShown.institution(issuers, images, registrations.byIssuer(demo).get(0).id());
		d = browsers.speaking(locale.equals("nl") ? "nl-NL" : "en-GB");
		Screens.width(d, Screens.WIDE);
		shown = new InstitutionShown(d, messages, java.util.Locale.forLanguageTag(locale));
	}

	/** Writes every violation for review, then fails on a serious or critical one or any other problem of the walk. */
	void finish() throws IOException {
		Files.createDirectories(Screens.DIR);
		List<String> findings = new ArrayList<>(violations.stream().map(Axe.Violation::toString).toList());
		findings.addAll(problems);
		Files.write(Screens.DIR.resolve(walk + "-findings.txt"), findings);
		List<String> failures = new ArrayList<>(Axe.blocking(violations).stream().map(Axe.Violation::toString).toList());
		failures.addAll(problems);
		assertThat(failures).as("serious or critical axe violations and other problems of the walk " + walk).isEmpty();
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}
}
