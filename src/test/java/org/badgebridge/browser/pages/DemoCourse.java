package org.badgebridge.browser.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo LMS's course page (top level, on 127.0.0.1): add a badge by Deep Linking, launch the newest activity as
 * the teacher or as a learner, and its gradebook. Every lookup of the demo LMS's elements is here.
 */
public final class DemoCourse {

	/** The frame the LMS opens the tool in. */
	public static final String FRAME = "tool";

	public static final By ADD_BADGE = By.id("add-badge");

	/** The add-badge link's accessible name, for the keyboard-only walk. */
	public static final String ADD_BADGE_LINK = "Add a badge as Terry Teacher";

	public static final By TEACHER_LAUNCHES = By.className("launch-teacher");

	public static final String ANA = "201";

	private final WebDriver driver;

	private final String demo;

	private String lang;

	public DemoCourse(WebDriver driver, String demo) {
		this.driver = driver;
		this.demo = demo;
	}

	public DemoCourse open() {
		driver.switchTo().defaultContent();
		driver.get(lang == null ? demo : demo + "?lang=" + lang);
		if (lang != null) {
			await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-language"), ": " + lang));
		}
		return this;
	}

	/**
	 * The course language the demo's launches send as {@code launch_presentation.locale} (its select {@code #lang});
	 * every later {@link #open()} keeps it.
	 */
	public DemoCourse language(String lang) {
		this.lang = lang;
		return open();
	}

	/** "Add a badge as Terry Teacher": the Deep Linking picker in the tool's frame. */
	public void addBadge() {
		driver.findElement(ADD_BADGE).click();
		enterTool();
	}

	/** Waits until the course page lists an activity named {@code title} (after the Deep Linking response). */
	public void awaitActivity(String title) {
		driver.switchTo().defaultContent();
		await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), title));
		await().until(ExpectedConditions.presenceOfElementLocated(TEACHER_LAUNCHES));
		if (lang != null) {
			// the Deep Linking return lands on the course page without the course language: open it again with it
			open();
			await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), title));
		}
	}

	/** The newest activity's "Launch as teacher" link. */
	public WebElement newestTeacherLaunch() {
		List<WebElement> launches = driver.findElements(TEACHER_LAUNCHES);
		return launches.get(launches.size() - 1);
	}

	/** The newest activity's launch link for a learner (demo user id). */
	public WebElement newestLearnerLaunch(String user) {
		List<WebElement> launches = driver.findElements(By.cssSelector("a.launch-learner[href*='user=" + user + "&']"));
		if (launches.isEmpty()) {
			launches = driver.findElements(By.cssSelector("a.launch-learner[href*='user=" + user + "']"));
		}
		return launches.get(launches.size() - 1);
	}

	public void launchNewestAsTeacher() {
		newestTeacherLaunch().click();
		enterTool();
	}

	public void launchNewestAs(String user) {
		newestLearnerLaunch(user).click();
		enterTool();
	}

	/** Switches into the tool's frame once the launch page has it. */
	public void enterTool() {
		driver.switchTo().defaultContent();
		await().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(FRAME));
	}

	/** The demo gradebook: gives {@code learner} the grade {@code value} in the column labelled {@code column}, saved. */
	public void grade(String column, String learner, String value) {
		driver.switchTo().defaultContent();
		driver.get(demo + "/gradebook");
		List<WebElement> headers = driver.findElements(By.cssSelector("thead th"));
		int index = -1;
		for (int i = 0; i < headers.size(); i++) {
			if (headers.get(i).getText().startsWith(column)) {
				index = i;
			}
		}
		if (index < 0) {
			throw new AssertionError("no gradebook column " + column);
		}
		WebElement row = driver.findElements(By.cssSelector("tbody tr")).stream()
				.filter(r -> r.findElement(By.cssSelector("td")).getText().equals(learner)).findFirst()
				.orElseThrow(() -> new AssertionError("no gradebook row " + learner));
		WebElement cell = row.findElements(By.cssSelector("td")).get(index).findElement(By.cssSelector("input.grade"));
		cell.clear();
		cell.sendKeys(value);
		driver.findElement(By.id("save")).click();
		await().until(ExpectedConditions.urlContains("saved"));
	}

	WebDriverWait await() {
		return new WebDriverWait(driver, Duration.ofSeconds(20));
	}
}
