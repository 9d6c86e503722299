package org.badgebridge.browser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.browser.pages.DeepLinkingPicker;
import org.badgebridge.browser.pages.DemoCourse;
import org.badgebridge.browser.pages.LearnerPanel;
import org.badgebridge.browser.pages.TeacherPage;
import org.badgebridge.mail.Outbox;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.BrowserCondition;
import org.badgebridge.support.Chromium;
import org.badgebridge.support.DemoServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screenshots of the teacher, learner and admin guides ({@code docs/guides/}), in English and in Dutch, taken on
 * the demo LMS as a teacher and Ana Li use it, and on the admin pages (HTTP Basic, the header set through Chromium's
 * DevTools). Every picture is taken only after the page showed the labels the guide quotes ({@link GuideShots}).
 */
@ExtendWith(BrowserCondition.class)
class GuideScreenshotsBrowserTest extends DemoServerTest {

	static final String ANA = "Ana Li";

	static final String FRAME = DemoCourse.FRAME;

	@Autowired
	Registrations registrations;

	@Autowired
	Awards awards;

	@Autowired
	Outbox outbox;

	@Autowired
	MessageSource messages;

	@Value("${badgebridge.admin.user}")
	String adminUser;

	@Value("${badgebridge.admin.password}")
	String adminPassword;

	final Chromium browsers = new Chromium();

	WebDriver d;

	@AfterEach
	void quit() {
		browsers.close();
	}

	@ParameterizedTest(name = "in {0}")
	@ValueSource(strings = { "en", "nl" })
	void theGuidesPictures(String lang) throws Exception {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !registrations.byIssuer(demo).isEmpty());
		d = browsers.speaking(lang.equals("nl") ? "nl-NL" : "en-GB");
		GuideShots shots = new GuideShots(d, messages, lang);
		String suffix = UUID.randomUUID().toString().substring(0, 4);
		String badge = (lang.equals("nl") ? "Data-analyse " : "Data analysis ") + suffix;
		String column = (lang.equals("nl") ? "Eindproject " : "Final project ") + suffix;

		DemoCourse course = new DemoCourse(d, demo).language(lang);
		course.addBadge();
		new DeepLinkingPicker(d);
		shots.take("teacher-add-badge", FRAME, List.of("teaching.picker.heading", "teaching.picker.create"));
		new DeepLinkingPicker(d).create(badge, lang.equals("nl") ? "Kan een dataset opschonen en analyseren."
				: "Can clean and analyse a data set.");
		course.awaitActivity(badge);
		course.launchNewestAsTeacher();
		TeacherPage teacher = new TeacherPage(d);
		String badgeId = teacher.badgeId();
		shots.take("teacher-dashboard-new", FRAME, List.of("teaching.step.dashboard", "teaching.awarding.needsCriteria",
				"teaching.sync.now"));
		teacher.step("badge");
		shots.take("teacher-badge", FRAME, List.of("teaching.badge.micro", "teaching.image.upload"));
		teacher.step("columns");
		shots.take("teacher-columns", FRAME, List.of("teaching.columns.caption", "teaching.columns.assessed.title",
				"teaching.columns.create"));
		shots.take("teacher-mirror", FRAME, By.id("mirror-card"), List.of("teaching.columns.mirror.title",
				"teaching.columns.mirror.create", "teaching.columns.moodle.title"), "=[[quiz1]]");
		teacher.createColumn(column, "100");
		teacher.step("criteria");
		teacher.setCriterion(column, "80");
		shots.take("teacher-criteria", FRAME, List.of("teaching.criteria.now", "teaching.criteria.save",
				"teaching.criteria.advanced"));
		teacher.step("badge");
		teacher.microCredential(true);
		teacher.step("eu");
		shots.take("teacher-eu", FRAME, List.of("teaching.eu.outcomes", "teaching.eu.eqf", "teaching.eu.save"));
		teacher.step("badge");
		teacher.microCredential(false);
		teacher.step("review");
		shots.take("teacher-review", FRAME, List.of("teaching.review.intro", "teaching.catalogue.list"));
		teacher.dashboard();
		teacher.switchAwardingOn();
		assertThat(teacher.awardingOn()).isTrue();
		shots.take("teacher-awarding-on", FRAME, List.of("teaching.awarding.switchOff", "teaching.learners.title"));

		course.open();
		course.launchNewestAs(DemoCourse.ANA);
		new LearnerPanel(d);
		shots.take("learner-no-grade", FRAME, List.of("learning.panel.criteria.title", "learning.progress.no-grade",
				"learning.panel.next.title"));

		course.grade(column, ANA, "85");
		course.open();
		course.launchNewestAsTeacher();
		teacher = new TeacherPage(d);
		teacher.syncNow();
		teacher.awaitLearnerState(ANA, shots.text("teaching.state.EARNED"), Duration.ofSeconds(60));
		Award award = Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> awards.forBadge(badgeId).stream().filter(a -> DemoCourse.ANA.equals(a.userSub())).findFirst(),
						Optional::isPresent).get();
		shots.take("teacher-earned", FRAME, By.id("learners-part"), List.of("teaching.learners.revoke", "teaching.learners.suspend",
				"teaching.learners.resend", "teaching.learners.csv"), ANA);

		course.open();
		course.launchNewestAs(DemoCourse.ANA);
		LearnerPanel panel = new LearnerPanel(d);
		shots.take("learner-earned", FRAME, List.of("learning.panel.earned.title", "learning.panel.claim.button"));
		panel.claim();
		shots.take("learner-claimed", FRAME, List.of("learning.panel.claimed", "learning.panel.downloads",
				"learning.panel.public-page"));

		OutgoingMail mail = mail("claim:" + award.id());
		d.switchTo().defaultContent();
		d.get(link(AccessibleWalkBrowserTest.CLAIM_LINK.matcher(mail.textBody())));
		await(By.id("claimed"));
		shots.take("claim-page", null, List.of("learning.panel.claimed", "learning.claim.downloads.open"));

		backpack(shots, award, mail.recipient());

		d.get(tool() + "/verify/" + award.id());
		shots.take("public-award", null, List.of("public.status.valid"), badge);
		d.get(tool() + "/verify");
		shots.take("verifier", null, List.of("public.check.title", "public.check.submit"));

		course.open();
		course.launchNewestAsTeacher();
		new TeacherPage(d).revokeFirst();
		shots.take("teacher-revoke", FRAME, List.of("teaching.revoke.reason", "teaching.revoke.confirm",
				"teaching.revoke.public"), ANA);

		admin(lang);
		assertThat(shots.taken()).hasSize(23);
		shots.assertEveryPageShowedWhatTheGuideSays();
	}

	/** Ana signs in to her backpack with a mailed link, makes the badge public, asks for a wallet offer, opens privacy. */
	void backpack(GuideShots shots, Award award, String address) throws Exception {
		d.get(tool() + "/backpack/sign-in");
		await(By.id("send-link"));
		shots.take("backpack-sign-in", null, List.of("learning.backpack.signIn.title", "learning.backpack.signIn.send"));
		String link = Awaitility.await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofSeconds(10)).until(() -> {
			d.get(tool() + "/backpack/sign-in");
			d.findElement(By.id("address")).sendKeys(address);
			d.findElement(By.id("send-link")).click();
			await(By.id("notice"));
			return outbox.recent(200).stream().filter(m -> m.recipient().equalsIgnoreCase(address)
					&& m.dedupKey().startsWith("account-sign-in:")).map(OutgoingMail::textBody)
					.map(BackpackWalk.SIGN_IN_LINK::matcher).filter(Matcher::find).map(Matcher::group).findFirst();
		}, Optional::isPresent).orElseThrow();
		d.get(link);
		new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id("sign-in-now"))).click();
		await(By.id("badges"));
		shots.take("backpack", null, List.of("learning.backpack.badges", "learning.backpack.addresses",
				"learning.backpack.privacy"));
		d.get(tool() + "/backpack/awards/" + award.id());
		await(By.id("downloads"));
		shots.take("backpack-award", null, List.of("learning.backpack.award.showName",
				"learning.claim.visibility.make-public"));
		d.findElement(By.id("toggle-visibility")).click();
		await(By.id("share-url"));
		shots.take("backpack-award-public", null, By.id("sharing"), List.of("learning.share.copy", "learning.share.linkedin",
				"learning.share.regenerate", "learning.wallet.offer"));
		d.findElement(By.id("wallet-offer")).click();
		await(By.id("offer-qr"));
		shots.take("backpack-wallet", null, List.of("learning.wallet.scan", "learning.wallet.txCode"));
		d.get(tool() + "/backpack/privacy");
		await(By.id("download-data"));
		shots.take("backpack-privacy", null, List.of("learning.privacy.export.download", "learning.privacy.delete.start"));
	}

	/**
	 * The admin pages, after the teacher and learner parts made a course, an award, a claim, a revocation and mails: the
	 * sign-in form as anyone sees it, then every page signed in by HTTP Basic (the Authorization header on every request
	 * of a browser of its own).
	 */
	void admin(String lang) throws Exception {
		WebDriver admin = browsers.speaking(lang.equals("nl") ? "nl-NL" : "en-GB");
		d = admin;
		GuideShots shots = new GuideShots(admin, messages, lang);
		admin.get(tool() + "/admin/sign-in");
		await(By.id("sign-in-form"));
		shots.take("admin-sign-in", null, List.of("admin.signIn.title", "admin.signIn.username", "admin.signIn.password",
				"admin.signIn.submit"));
		String basic = Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
		((ChromeDriver) admin).executeCdpCommand("Network.enable", Map.of());
		((ChromeDriver) admin).executeCdpCommand("Network.setExtraHTTPHeaders",
				Map.of("headers", Map.of("Authorization", "Basic " + basic)));
		long demoId = registrations.byIssuer(demo).get(0).id();
		for (AdminShot page : List.of(
				new AdminShot("/admin", "admin-dashboard", "admin.dashboard.title", "admin.dashboard.hint",
						"admin.dashboard.lastLaunch", "admin.dashboard.weeks", "admin.dashboard.awardStates",
						"admin.dashboard.mails", "admin.dashboard.keys", "admin.nav.syncSettings", "admin.nav.signOut"),
				new AdminShot("/admin/platforms", "admin-platforms", "admin.platforms.title", "admin.platforms.new"),
				new AdminShot("/admin/platforms/" + demoId, "admin-platform", "admin.platform.deployments.title"),
				new AdminShot("/admin/tool-configuration", "admin-tool-configuration", "admin.tool.title"),
				new AdminShot("/admin/keys", "admin-keys", "admin.keys.title", "admin.keys.rotate",
						"admin.keys.credentials.title", "admin.keys.signed", "admin.keys.credentials.rotate"),
				new AdminShot("/admin/keys/credentials/rotate", "admin-keys-rotate", "admin.keys.confirm.credentials.title",
						"admin.keys.confirm.credentials.button"),
				new AdminShot("/admin/syncs", "admin-syncs", "admin.syncs.title", "admin.syncs.titleContains",
						"admin.syncs.lastSync", "admin.syncs.next"),
				new AdminShot("/admin/awards", "admin-awards", "admin.awards.title", "admin.awards.personContains",
						"admin.outbox.totals", "admin.awards.claimedAt"),
				new AdminShot("/admin/outbox", "admin-outbox", "admin.outbox.title", "admin.outbox.recipientContains",
						"admin.outbox.totals"),
				new AdminShot("/admin/issuers", "admin-issuers", "admin.issuers.title", "admin.issuers.default",
						"admin.issuers.new"),
				new AdminShot("/admin/audit", "admin-audit", "admin.audit.title", "admin.audit.intro",
						"admin.audit.filter.person", "admin.audit.col.actor", "admin.audit.csv"),
				new AdminShot("/admin/sync-settings", "admin-sync-settings", "admin.syncSettings.title",
						"admin.syncSettings.hint", "admin.syncSettings.platforms", "admin.syncSettings.active",
						"admin.syncSettings.budget", "admin.syncSettings.courses"))) {
			admin.get(tool() + page.path());
			await(By.tagName("h1"));
			shots.take(page.name(), null, page.keys());
		}
		admin.get(tool() + "/admin/audit");
		assertThat(admin.findElement(By.id("audit")).getText()).as("the audit trail records the walk's award")
				.contains(shots.text("admin.audit.action.AWARDED"), DemoCourse.ANA);
		assertThat(shots.taken()).hasSize(13);
		shots.assertEveryPageShowedWhatTheGuideSays();
	}

	/** An admin page the guide shows: its path, the picture's name, and the bundle keys the page must show. */
	record AdminShot(String path, String name, List<String> keys) {

		AdminShot(String path, String name, String... keys) {
			this(path, name, List.of(keys));
		}
	}

	OutgoingMail mail(String dedupKey) {
		return Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> outbox.recent(200).stream().filter(m -> m.dedupKey().equals(dedupKey)).findFirst(),
						Optional::isPresent).get();
	}

	static String link(Matcher matcher) {
		assertThat(matcher.find()).as("a link in the mail").isTrue();
		return matcher.group();
	}

	void await(By by) {
		new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	String tool() {
		return "http://localhost:" + PORT;
	}
}
