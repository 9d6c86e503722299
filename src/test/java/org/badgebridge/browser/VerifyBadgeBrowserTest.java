package org.badgebridge.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.BrowserCondition;
import org.badgebridge.support.Chromium;
import org.badgebridge.support.DemoServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employer in a real browser: uploads the baked PNG a candidate sent and reads "Valid" with the badge and
 * issuer; pastes a tampered copy of the credential and reads why it is not valid; follows the page of the award.
 */
@ExtendWith(BrowserCondition.class)
class VerifyBadgeBrowserTest extends DemoServerTest {

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	CredentialDownloads downloads;

	final Chromium browsers = new Chromium();

	@AfterEach
	void quit() {
		browsers.close();
	}

	@Test
	void employerUploadsTheBakedBadgeAndPastesATamperedCredential() throws Exception {
		CredentialFixtures.Made made = new CredentialFixtures(registrations, courses, badges, awards).claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		Path png = Files.createTempFile("badge", ".png");
		Files.write(png, downloads.bakedPng(issued).getBody());

		WebDriver browser = browsers.start(Map.of());
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + PORT + "/verify");
		browser.findElement(By.id("file")).sendKeys(png.toAbsolutePath().toString());
		browser.findElement(By.id("email")).sendKeys("sue@example.edu");
		browser.findElement(By.id("check")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
		assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("Valid").contains("Data Literacy");
		assertThat(browser.findElement(By.id("format")).getText()).isEqualTo("Open Badges 3.0 credential");
		assertThat(browser.findElement(By.id("checks")).getText()).contains("Issued to sue@example.edu");

		browser.get("http://localhost:" + PORT + "/verify");
		String tampered = issued.json().replace("\"Data Literacy\"", "\"Data Mastery\"");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('text').value = arguments[0];", tampered);
		browser.findElement(By.id("check")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
		assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("Not valid").contains("changed after it was signed");

		browser.get("http://localhost:" + PORT + "/verify/" + made.award().id());
		assertThat(browser.findElement(By.id("status")).getText()).startsWith("Valid");
		assertThat(browser.findElement(By.id("recipient")).getText()).startsWith("Private");
	}

	@Test
	void onAPhoneTheResultComesFirstNamesTheIssuerAndNothingScrollsSideways() throws Exception {
		CredentialFixtures.Made made = new CredentialFixtures(registrations, courses, badges, awards).claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		awards.revoke(made.award().id(), "teacher:3", "Plagiarism found");

		WebDriver browser = browsers.start(Map.of());
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + PORT + "/verify");
		js.executeScript("document.getElementById('text').value = arguments[0];", issued.json());
		browser.findElement(By.id("check")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
		assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("Not valid: revoked by the issuer on")
				.doesNotContain("Plagiarism");
		assertThat(browser.findElement(By.id("issuer-basis")).getText()).contains("own key of this tool");
		assertThat(browser.findElement(By.id("checks")).getText()).contains("Status (revocation)", "Failed", "Revoked by the issuer on")
				.doesNotContain("Plagiarism");
		long inner = ((Number) js.executeScript("return window.innerWidth;")).longValue();
		long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
		assertThat(scroll).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(inner);
		double top = ((Number) js.executeScript("return document.getElementById('verdict').getBoundingClientRect().top;")).doubleValue();
		long height = ((Number) js.executeScript("return window.innerHeight;")).longValue();
		assertThat(top).as("the verdict is in view after the form submits").isBetween(0.0, (double) height);
	}

	/** At 320 px in Dutch no label of the result breaks inside a word (it read "Ontvan-ger"): no label has more lines of text than words. */
	@Test
	void onA320PixelPhoneInDutchNoLabelBreaksInsideAWord() throws Exception {
		CredentialFixtures.Made made = new CredentialFixtures(registrations, courses, badges, awards).claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());

		WebDriver browser = browsers.speaking("nl-NL");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 700));
		org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + PORT + "/verify");
		js.executeScript("document.getElementById('text').value = arguments[0];", issued.json());
		browser.findElement(By.id("check")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
		assertThat(((Number) js.executeScript("return window.innerWidth;")).longValue()).as("a 320 px viewport").isLessThanOrEqualTo(330);
		assertThat(browser.findElement(By.id("checks")).getText()).contains("Ontvanger", "Handtekening");
		Object broken = js.executeScript("""
				const out = [];
				for (const el of document.querySelectorAll('#report dt, #report .check-what, #report .check-result')) {
				  const text = document.createRange();
				  text.selectNodeContents(el);
				  const lines = new Set([...text.getClientRects()].map(r => Math.round(r.top))).size;
				  const words = el.textContent.trim().split(/\\s+/).length;
				  if (lines > words || el.scrollWidth > el.clientWidth + 1) out.push(el.textContent.trim() + ' (' + lines + ' lines)');
				}
				return out;""");
		assertThat((java.util.List<?>) broken).as("labels broken inside a word or cut off at 320 px").isEmpty();
	}
}
