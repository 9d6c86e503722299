package org.badgebridge.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.browser.pages.DeepLinkingPicker;
import org.badgebridge.browser.pages.DemoCourse;
import org.badgebridge.browser.pages.LearnerPanel;
import org.badgebridge.browser.pages.TeacherPage;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.BrowserCondition;
import org.badgebridge.support.Chromium;
import org.badgebridge.support.DemoServerTest;
import org.badgebridge.support.Screens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 1.4.4 (resize text) as a user does it: Chromium's own font-size setting at 200% (32 px instead of 16 px),
 * then the pages at 1280 and at 640 CSS px (reflow at 320 px is WCAG 1.4.10, at the normal size: the walks check it): the
 * text really grew, nothing scrolls sideways and no text is cut off by a
 * box that hides its overflow. Public pages, the claim page, and inside the demo LMS's frame the teacher's dashboard,
 * its set-up steps and the learner's panel. Screenshots {@code target/screenshots/zoom200-<page>-<width>.png}.
 */
@ExtendWith(BrowserCondition.class)
class TextZoomBrowserTest extends DemoServerTest {

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	ClaimLinks links;

	/** Half of a 1280 px screen: a window beside another. (Reflow at 320 px is checked at the normal text size.) */
	static final int HALF = 640;

	final Chromium browsers = new Chromium();

	final List<String> problems = new ArrayList<>();

	WebDriver d;

	@AfterEach
	void quit() {
		browsers.close();
	}

	@Test
	void everyPageReflowsWithTextAtTwoHundredPercent() throws Exception {
		d = browsers.start(Map.of("webkit.webprefs.default_font_size", 32, "webkit.webprefs.default_fixed_font_size", 26,
				"intl.accept_languages", "en-GB,en"));
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !registrations.byIssuer(demo).isEmpty());
		String base = "http://localhost:" + PORT;
		CredentialFixtures.Made made = new CredentialFixtures(registrations, courses, badges, awards)
				.claimedMicroCredential("zoom@example.edu");
		String token = ClaimLinks.newToken();
		links.store(made.award().id(), token, links.expiryFromNow());

		for (String page : List.of("/", "/verify", "/catalogue", "/verify/" + made.award().id(), "/claim/" + token)) {
			d.get(base + page);
			check(page.equals("/") ? "home" : page.substring(1).replaceAll("/.*", ""), null);
		}

		DemoCourse course = new DemoCourse(d, demo);
		course.open();
		course.addBadge();
		new DeepLinkingPicker(d).create("Zoom badge " + UUID.randomUUID().toString().substring(0, 6), "Read at 200%");
		course.awaitActivity("Zoom badge");
		course.launchNewestAsTeacher();
		TeacherPage teacher = new TeacherPage(d);
		check("teacher-dashboard", DemoCourse.FRAME);
		for (String step : List.of("badge", "columns", "criteria", "review")) {
			teacher.step(step);
			check("teacher-" + step, DemoCourse.FRAME);
		}
		course.open();
		course.launchNewestAs(DemoCourse.ANA);
		new LearnerPanel(d);
		check("learner-panel", DemoCourse.FRAME);

		assertThat(problems).as("pages that do not reflow with text at 200%").isEmpty();
	}

	void check(String name, String frame) throws Exception {
		double size = ((Number) js("return parseFloat(getComputedStyle(document.body).fontSize);")).doubleValue();
		if (size < 28) {
			problems.add(name + ": the body text is " + size + " px, the browser's setting did not reach it");
		}
		for (int width : List.of(Screens.WIDE, HALF)) {
			Screens.width(d, width);
			List<String> overflow = Screens.sidewaysOverflow(d);
			if (!overflow.isEmpty()) {
				problems.add(name + " @" + width + ": scrolls sideways, past the edge: " + overflow);
			}
			List<?> clipped = (List<?>) js("""
					const out = [];
					for (const e of document.body.querySelectorAll('*')) {
					  const s = getComputedStyle(e);
					  if (!e.textContent.trim() || s.display === 'none' || s.visibility === 'hidden') continue;
					  if (e.matches('input, select, textarea, .visually-hidden, .sr-only, [class*=skip]')) continue;
					  const hides = v => v === 'hidden' || v === 'clip';
					  if ((hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1)) {
					    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
					  }
					}
					return out.slice(0, 5);
					""");
			if (!clipped.isEmpty()) {
				problems.add(name + " @" + width + ": text cut off in " + clipped);
			}
			Screens.capture(d, "zoom200", name, width, frame);
		}
		Screens.width(d, Screens.WIDE);
	}

	Object js(String script) {
		return ((JavascriptExecutor) d).executeScript(script);
	}
}
