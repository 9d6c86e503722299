package org.badgebridge.browser.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A badge's teacher pages in the LMS's frame: the dashboard ({@code /lti/teach/badges/{badge}}) and the set-up steps
 * ({@code /lti/teach/badges/{badge}/setup/{step}}), all in {@code #teacher-view} with the step navigation
 * ({@code #step-dashboard}, {@code #step-<key>}). Every element id and accessible name the walks use is here: update
 * them when the pages change.
 */
public final class TeacherPage {

	public static final By VIEW = By.id("teacher-view");

	public static final By NAME = By.id("badge-name");

	public static final By COLUMN_LABEL = By.id("column-label");

	public static final By COLUMN_MAXIMUM = By.id("column-maximum");

	public static final By CREATE_COLUMN = By.id("create-column");

	public static final By MIRROR_FORMULA = By.id("mirror-formula");

	public static final By CRITERIA_COLUMN = By.id("criteria-column");

	public static final By CRITERIA_THRESHOLD = By.id("criteria-threshold");

	public static final By CRITERIA_VALUE = By.id("criteria-value");

	public static final By SAVE_CRITERIA = By.id("save-criteria");

	public static final By CRITERIA_NOW = By.id("criteria-now");

	public static final By TOGGLE_AWARDING = By.id("toggle-awarding");

	public static final By AWARDING_ON = By.id("awarding-on");

	public static final By AWARDING_ERROR = By.id("awarding-error");

	public static final By AWARDING_NEEDS_EU = By.id("awarding-needs-eu");

	public static final By SYNC_NOW = By.id("sync-now");

	public static final By SYNC_STATUS = By.id("sync-status");

	public static final By LEARNERS = By.id("learners");

	public static final By LEARNER_ROWS = By.className("learner-row");

	public static final By AWARDING_MISSING = By.id("awarding-missing");

	public static final By IMAGE = By.id("badge-image");

	public static final By STEP_LINKS = By.cssSelector("#setup-steps a[id^='step-']");

	/** Accessible names for the keyboard-only walk (English). */
	public static final String COLUMNS_STEP_LINK = "2. What counts";

	public static final String CRITERIA_STEP_LINK = "3. Criteria";

	public static final String DASHBOARD_LINK = "Overview";

	public static final String COLUMN_LABEL_FIELD = "Name of the column";

	public static final String CREATE_COLUMN_BUTTON = "Create the column";

	public static final String CRITERIA_COLUMN_FIELD = "in the column";

	public static final String CRITERIA_VALUE_FIELD = "Percentage or points";

	public static final String SAVE_CRITERIA_BUTTON = "Save the rule";

	public static final String AWARDING_ON_BUTTON = "Switch awarding on";

	public static final String SYNC_NOW_BUTTON = "Read the course now";

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

	/** The frame's path, e.g. {@code /lti/teach/badges/{badge}/setup/columns}. */
	public String path() {
		return (String) ((JavascriptExecutor) driver).executeScript("return window.location.pathname;");
	}

	/** Follows the step navigation to a set-up step ({@code columns}, {@code criteria}, {@code eu}, {@code review}). */
	public TeacherPage step(String key) {
		submit(By.id("step-" + key));
		return this;
	}

	/** Follows the step navigation to the dashboard. */
	public TeacherPage dashboard() {
		submit(By.id("step-dashboard"));
		return this;
	}

	/** On the badge step: ticks or clears "This badge is a microcredential" and saves the badge. */
	public void microCredential(boolean on) {
		WebElement box = driver.findElement(By.id("details-micro"));
		if (box.isSelected() != on) {
			box.click();
		}
		submit(By.id("save-details"));
	}

	/** On the badge step: uploads {@code image} as the badge's image ("Upload the image"). */
	public void uploadImage(java.nio.file.Path image) {
		driver.findElement(By.id("image-file")).sendKeys(image.toAbsolutePath().toString());
		submit(By.id("upload-image"));
	}

	/** On the review step: lists the badge in the public catalogue (when it is not listed yet). */
	public void listInCatalogue() {
		submit(By.id("toggle-catalogue"));
	}

	/** The keys of the step navigation, in order ({@code dashboard}, {@code badge}, {@code columns}, …). */
	public java.util.List<String> steps() {
		return driver.findElements(STEP_LINKS).stream().map(a -> a.getDomAttribute("id").substring("step-".length())).toList();
	}

	/** Whether the page offers the awarding switch. */
	public boolean offersAwardingSwitch() {
		return !driver.findElements(TOGGLE_AWARDING).isEmpty();
	}

	/** The text of the element {@code id}, or null when the page has none. */
	public String textOf(By by) {
		return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().map(WebElement::getText).orElse(null);
	}

	/** On the columns step: creates an assessed column. */
	public void createColumn(String label, String maximum) {
		driver.findElement(COLUMN_LABEL).sendKeys(label);
		WebElement max = driver.findElement(COLUMN_MAXIMUM);
		max.clear();
		max.sendKeys(maximum);
		submit(CREATE_COLUMN);
	}

	/** The mirror column's formula as shown on the columns step (Moodle's syntax). */
	public String mirrorFormula() {
		return driver.findElement(MIRROR_FORMULA).getText();
	}

	/** On the criteria step: "at least {@code percent} percent in {@code column}". */
	public void setCriterion(String column, String percent) {
		new Select(driver.findElement(CRITERIA_THRESHOLD)).selectByValue("PERCENT");
		Select select = new Select(driver.findElement(CRITERIA_COLUMN));
		select.getOptions().stream().filter(o -> o.getText().startsWith(column)).findFirst()
				.orElseThrow(() -> new AssertionError("no column " + column + " to choose")).click();
		WebElement value = driver.findElement(CRITERIA_VALUE);
		value.clear();
		value.sendKeys(percent);
		submit(SAVE_CRITERIA);
	}

	public String text() {
		return driver.findElement(VIEW).getText();
	}

	public void switchAwardingOn() {
		submit(TOGGLE_AWARDING);
	}

	public boolean awardingOn() {
		return !driver.findElements(AWARDING_ON).isEmpty();
	}

	/** "Read the course now": waits for the page that answers the form; the sync then runs behind it. */
	public void syncNow() {
		submit(SYNC_NOW);
	}

	public String syncStatus() {
		return driver.findElement(SYNC_STATUS).getText();
	}

	public String syncNowLabel() {
		return driver.findElement(SYNC_NOW).getText();
	}

	/** The state column of a learner's row, or null when the table has no such learner. */
	public String learnerState(String learner) {
		return driver.findElements(LEARNER_ROWS).stream()
				.filter(r -> r.findElement(By.className("learner-name")).getText().equals(learner)).findFirst()
				.map(r -> r.findElement(By.className("learner-state")).getText()).orElse(null);
	}

	/** The score column of a learner's row, or null when the table has no such learner. */
	public String learnerScore(String learner) {
		return driver.findElements(LEARNER_ROWS).stream()
				.filter(r -> r.findElement(By.className("learner-name")).getText().equals(learner)).findFirst()
				.map(r -> r.findElement(By.className("learner-score")).getText()).orElse(null);
	}

	/**
	 * Waits, without reloading, until the dashboard's live update shows a row for {@code learner} whose state is
	 * {@code state}; fails when the page itself was reloaded in the meantime.
	 */
	public String awaitLearnerState(String learner, String state, Duration atMost) {
		WebElement view = driver.findElement(VIEW);
		new WebDriverWait(driver, atMost).ignoring(StaleElementReferenceException.class)
				.until(x -> state.equals(learnerState(learner)));
		if (ExpectedConditions.stalenessOf(view).apply(driver)) {
			throw new AssertionError("the teacher page was reloaded; the state should come without a reload");
		}
		return learnerState(learner);
	}

	/** Reaches the revoke confirmation of the first awarded learner's row. */
	public void revokeFirst() {
		submit(By.cssSelector("a[id^='revoke-']"));
	}

	/** After a form on the page was sent by other means (the keyboard): waits for the page that answers it. */
	public static TeacherPage after(WebDriver driver, WebElement old) {
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(old));
		return new TeacherPage(driver);
	}

	private void submit(By button) {
		WebElement old = driver.findElement(VIEW);
		driver.findElement(button).click();
		await().until(ExpectedConditions.stalenessOf(old));
		await().until(ExpectedConditions.visibilityOfElementLocated(VIEW));
	}

	WebDriverWait await() {
		return new WebDriverWait(driver, Duration.ofSeconds(30));
	}
}
