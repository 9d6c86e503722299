package org.badgebridge.browser.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The tool's Deep Linking picker ("Add a badge to this course"), in the LMS's frame. */
public final class DeepLinkingPicker {

	public static final By NAME = By.id("badge-name");

	public static final By DESCRIPTION = By.id("badge-description");

	public static final By CREATE = By.id("create");

	/** Accessible names, for the keyboard-only walk (English). */
	public static final String NAME_FIELD = "Name";

	public static final String DESCRIPTION_FIELD = "Description";

	public static final String CREATE_BUTTON = "Create and add";

	private final WebDriver driver;

	public DeepLinkingPicker(WebDriver driver) {
		this.driver = driver;
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(NAME));
	}

	/** Creates a badge and sends it back to the LMS, which reloads its course page at the top. */
	public void create(String name, String description) {
		driver.findElement(NAME).sendKeys(name);
		driver.findElement(DESCRIPTION).sendKeys(description);
		driver.findElement(CREATE).click();
	}
}
