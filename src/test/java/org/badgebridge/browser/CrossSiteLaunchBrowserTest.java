package org.badgebridge.browser;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import org.badgebridge.platform.Registrations;
import org.badgebridge.support.BrowserCondition;
import org.badgebridge.support.Chromium;
import org.badgebridge.support.DemoServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool inside an LMS iframe on another site, in Debian's headless Chromium: the demo LMS on 127.0.0.1,
 * the tool on localhost. A teacher adds a badge by Deep Linking and a learner launches it, with the
 * partitioned cookies doing their work; a browser that blocks the tool's cookies in the frame is offered
 * (and completes) the launch in a new window. No page of either site has anything refused by its
 * Content-Security-Policy on the way.
 */
@ExtendWith(BrowserCondition.class)
class CrossSiteLaunchBrowserTest extends DemoServerTest {


	@Autowired
	Registrations registrations;

	final Chromium browsers = new Chromium();

	WebDriver chromium(Map<String, Object> prefs) throws Exception {
		return browsers.start(prefs);
	}

	@AfterEach
	void noContentSecurityPolicyViolation() {
		try {
			assertThat(browsers.cspViolations()).as("refused by the Content-Security-Policy, in any frame").isEmpty();
		}
		finally {
			quit();
		}
	}

	void quit() {
		browsers.close();
	}

	void awaitRegistration() throws InterruptedException {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !registrations.byIssuer(demo).isEmpty());
		assertThat(registrations.byIssuer(demo)).as("demo LMS registered the tool").isNotEmpty();
	}

	WebDriverWait await(WebDriver d) {
		return new WebDriverWait(d, Duration.ofSeconds(20));
	}

	String addBadgeAsTeacher(WebDriver d) {
		d.get(demo);
		d.findElement(By.id("add-badge")).click();
		await(d).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
		String name = "Browser badge " + UUID.randomUUID().toString().substring(0, 6);
		await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("badge-name"))).sendKeys(name);
		d.findElement(By.id("badge-description")).sendKeys("Created through the LMS iframe");
		d.findElement(By.id("create")).click();
		d.switchTo().defaultContent();
		// the deep linking response goes back to the LMS, which adds the activity and reloads the course page
		await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), name));
		await(d).until(ExpectedConditions.presenceOfElementLocated(By.className("launch-learner")));
		return name;
	}

	@Test
	void teacherAddsABadgeAndALearnerLaunchesItInsideTheCrossSiteFrame() throws Exception {
		awaitRegistration();
		WebDriver d = chromium(Map.of());
		String name = addBadgeAsTeacher(d);

		List<WebElement> learnerLaunches = d.findElements(By.className("launch-learner"));
		learnerLaunches.get(learnerLaunches.size() - 3).click(); // Ana Li on the newest activity
		await(d).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
		WebElement view = await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("learner-view")));
		assertThat(view.getText()).contains(name, "Hello Ana Li");
		// the frame shows the tool's own page on the other site, reached with its partitioned session cookie
		assertThat((String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.location.href"))
				.startsWith("http://localhost:" + PORT + "/lti/learn/badges/");
		assertThat(d.getCurrentUrl()).startsWith(demo + "/launch");
	}

	@Test
	void teacherSeesEachNoticeAndWhyAwardingCannotStartInsideTheCrossSiteFrame() throws Exception {
		awaitRegistration();
		WebDriver d = chromium(Map.of());
		String name = addBadgeAsTeacher(d);
		List<WebElement> teacherLaunches = d.findElements(By.className("launch-teacher"));
		teacherLaunches.get(teacherLaunches.size() - 1).click();
		await(d).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
		assertThat(await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("badge-name"))).getText()).isEqualTo(name);

		// no criteria yet: the switch is not offered, and what is missing is said where it would be
		assertThat(d.findElements(By.id("toggle-awarding"))).isEmpty();
		WebElement reason = await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("awarding-missing")));
		assertThat(reason.getText()).contains("You can switch awarding on once the badge has criteria.");
		assertThat(d.findElement(By.id("awarding-off")).isDisplayed()).isTrue();

		d.findElement(By.id("sync-now")).click();
		WebElement notice = await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(notice.getText()).isEqualTo("Sync started.");
		// the read's outcome appears in the live status region without a reload (the one-time notice stays on screen)
		WebElement status = d.findElement(By.id("sync-status-text"));
		await(d).until(x -> status.getText().startsWith("Course last read"));
		assertThat(d.findElement(By.id("sync-status")).getAttribute("aria-live")).isEqualTo("polite");
		assertThat(d.findElement(By.id("notice")).getText()).as("no reload").isEqualTo("Sync started.");
		assertThat(d.manage().getCookies()).as("no servlet session cookie").noneMatch(c -> c.getName().equals("JSESSIONID"));
	}

	@Test
	void aPendingRegistrationsLaunchShowsTheToolsExplanationInsideThePlatformsFrame() throws Exception {
		awaitRegistration();
		WebDriver d = chromium(Map.of());
		addBadgeAsTeacher(d);
		long registration = registrations.byIssuer(demo).get(0).id();
		registrations.setState(registration, org.badgebridge.platform.RegistrationState.PENDING);
		try {
			d.get(demo);
			List<WebElement> teacherLaunches = d.findElements(By.className("launch-teacher"));
			teacherLaunches.get(teacherLaunches.size() - 1).click();
			await(d).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
			WebElement reason = await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
			assertThat(reason.getText()).contains("a BadgeBridge administrator must approve it first");
		}
		finally {
			registrations.setState(registration, org.badgebridge.platform.RegistrationState.ACTIVE);
		}
	}

	@Test
	void browserBlockingTheToolsCookiesInTheFrameIsOfferedANewWindow() throws Exception {
		awaitRegistration();
		Map<String, Object> block = new HashMap<>();
		// block every cookie of the tool (localhost) while it is embedded in the LMS (127.0.0.1); first-party allowed
		block.put("profile.content_settings.exceptions.cookies", Map.of("http://localhost:" + PORT + ",http://127.0.0.1:" + PORT,
				Map.of("setting", 2)));
		WebDriver d = chromium(block);
		d.get(demo);
		if (d.findElements(By.className("launch-learner")).isEmpty()) {
			quit();
			addBadgeAsTeacher(chromium(Map.of()));
			quit();
			d = chromium(block);
			d.get(demo);
		}
		List<WebElement> learnerLaunches = d.findElements(By.className("launch-learner"));
		learnerLaunches.get(learnerLaunches.size() - 2).click(); // Ben Okafor
		String lmsWindow = d.getWindowHandle();
		await(d).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
		WebElement offer = await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-window")));
		assertThat(d.findElement(By.id("cookies-blocked")).getText()).contains("blocks the cookies");
		offer.click();
		WebDriver window = d;
		await(d).until(x -> x.getWindowHandles().size() == 2);
		String popup = d.getWindowHandles().stream().filter(h -> !h.equals(lmsWindow)).findFirst().orElseThrow();
		window.switchTo().window(popup);
		WebElement view = await(window).until(ExpectedConditions.visibilityOfElementLocated(By.id("learner-view")));
		assertThat(view.getText()).contains("Hello Ben Okafor");
	}
}
