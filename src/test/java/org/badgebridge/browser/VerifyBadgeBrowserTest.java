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
}
