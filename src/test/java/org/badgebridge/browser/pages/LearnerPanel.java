package org.badgebridge.browser.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The learner's badge panel ({@code /lti/learn/badges/{badge}}) in the LMS's frame. */
public final class LearnerPanel {

	public static final By VIEW = By.id("learner-view");

	public static final By EARNED = By.id("earned");

	public static final By PROGRESS = By.id("progress");

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
}
