package org.badgebridge.browser.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The learner's badge panel ({@code /lti/learn/badges/{badge}}) in the LMS's frame. */
public final class LearnerPanel {

	public static final By VIEW = By.id("learner-view");

	public static final By EARNED = By.id("earned");

	/** The badge's image. */
	public static final By IMAGE = By.id("badge-image");

	public static final By PROGRESS = By.id("progress");

	public static final By CLAIM = By.id("claim");

	public static final By CLAIMED = By.id("claimed");

	public static final By DOWNLOADS = By.id("credential-downloads");

	private final WebDriver driver;

	public LearnerPanel(WebDriver driver) {
		this.driver = driver;
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(VIEW));
	}

	public String greeting() {
		return driver.findElement(VIEW).getText();
	}

	/** The "you earned this badge" card's text, or null when the panel has none. */
	public String earned() {
		return driver.findElements(EARNED).stream().findFirst().map(e -> e.getText()).orElse(null);
	}

	/** The whole panel's visible text (the page in the frame). */
	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String claimLabel() {
		return driver.findElement(CLAIM).getText();
	}

	/** "Claim your badge" in the panel: waits for the panel that answers with the credential's downloads. */
	public void claim() {
		WebElement old = driver.findElement(VIEW);
		driver.findElement(CLAIM).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.stalenessOf(old));
		wait.until(ExpectedConditions.visibilityOfElementLocated(CLAIMED));
	}

	public String claimed() {
		return driver.findElement(CLAIMED).getText();
	}

	public String downloads() {
		return driver.findElement(DOWNLOADS).getText();
	}
}
