package org.badgebridge.browser.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A badge's teacher page ({@code /lti/teach/badges/{badge}}) in the LMS's frame. Every element id and accessible name
 * the walks use is here: update them when the page changes.
 */
public final class TeacherPage {

	public static final By VIEW = By.id("teacher-view");

	public static final By NAME = By.id("badge-name");

	public static final By NOTICE = By.id("notice");

	public static final By COLUMN_LABEL = By.id("column-label");

	public static final By COLUMN_MAXIMUM = By.id("column-maximum");

	public static final By CREATE_COLUMN = By.id("create-column");

	public static final By CRITERIA_COLUMN = By.id("criteria-column");

	public static final By CRITERIA_VALUE = By.id("criteria-value");

	public static final By SAVE_CRITERIA = By.id("save-criteria");

	public static final By TOGGLE_AWARDING = By.id("toggle-awarding");

	public static final By AWARDING_ON = By.id("awarding-on");

	public static final By AWARDING_ERROR = By.id("awarding-error");

	public static final By SYNC_NOW = By.id("sync-now");

	public static final By LEARNER_ROWS = By.className("learner-row");

	/** Accessible names for the keyboard-only walk (English). */
	public static final String COLUMN_LABEL_FIELD = "Label";

	public static final String CREATE_COLUMN_BUTTON = "Create an assessed column";

	public static final String CRITERIA_COLUMN_FIELD = "Column";

	public static final String CRITERIA_VALUE_FIELD = "N";

	public static final String SAVE_CRITERIA_BUTTON = "Save criteria";

	public static final String AWARDING_ON_BUTTON = "Switch awarding on";

	public static final String SYNC_NOW_BUTTON = "Sync now";

	private final WebDriver driver;

	public TeacherPage(WebDriver driver) {
		this.driver = driver;
		await().until(ExpectedConditions.visibilityOfElementLocated(VIEW));
	}

	public String name() {
		return driver.findElement(NAME).getText();
	}

	/** The badge's id, from the frame's address. */
	public String badgeId() {
		String href = (String) ((JavascriptExecutor) driver).executeScript("return window.location.pathname;");
		return href.replaceAll(".*/lti/teach/badges/([^/?]+).*", "$1");
	}

	public String notice() {
		return await().until(ExpectedConditions.visibilityOfElementLocated(NOTICE)).getText();
	}

	public void createColumn(String label, String maximum) {
		driver.findElement(COLUMN_LABEL).sendKeys(label);
		WebElement max = driver.findElement(COLUMN_MAXIMUM);
		max.clear();
		max.sendKeys(maximum);
		submit(CREATE_COLUMN);
	}

	/** "At least {@code percent} percent on {@code column}". */
	public void setCriterion(String column, String percent) {
		Select select = new Select(driver.findElement(CRITERIA_COLUMN));
		select.getOptions().stream().filter(o -> o.getText().startsWith(column)).findFirst()
				.orElseThrow(() -> new AssertionError("no column " + column + " to choose")).click();
		WebElement value = driver.findElement(CRITERIA_VALUE);
		value.clear();
		value.sendKeys(percent);
		submit(SAVE_CRITERIA);
	}

	public void switchAwardingOn() {
		submit(TOGGLE_AWARDING);
	}

	public boolean awardingOn() {
		return !driver.findElements(AWARDING_ON).isEmpty();
	}

	public void syncNow() {
		submit(SYNC_NOW);
	}

	/** The state column of a learner's row, or null when the table has no such learner. */
	public String learnerState(String learner) {
		return driver.findElements(LEARNER_ROWS).stream()
				.filter(r -> r.findElement(By.className("learner-name")).getText().equals(learner)).findFirst()
				.map(r -> r.findElement(By.className("learner-state")).getText()).orElse(null);
	}

	/** Reloads the page in its frame (what a teacher does today to see a finished sync). */
	public TeacherPage reload() {
		WebElement old = driver.findElement(VIEW);
		((JavascriptExecutor) driver).executeScript("window.location.reload();");
		await().until(ExpectedConditions.stalenessOf(old));
		return new TeacherPage(driver);
	}

	/** After a form on the page was sent by other means (the keyboard): waits for the page that answers it. */
	public static TeacherPage after(WebDriver driver, WebElement old) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(old));
		return new TeacherPage(driver);
	}

	private void submit(By button) {
		WebElement old = driver.findElement(VIEW);
		driver.findElement(button).click();
		await().until(ExpectedConditions.stalenessOf(old));
		await().until(ExpectedConditions.visibilityOfElementLocated(VIEW));
	}

	WebDriverWait await() {
		return new WebDriverWait(driver, Duration.ofSeconds(20));
	}
}
