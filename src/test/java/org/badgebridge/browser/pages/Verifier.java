package org.badgebridge.browser.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages an employer reads, at the top level: the verifier ({@code /verify}: paste a credential or its
 * link, "Check") and an award's public page ({@code /verify/{award}}).
 */
public final class Verifier {

	public static final By TEXT = By.id("text");

	public static final By CHECK = By.id("check");

	public static final By RESULT = By.id("result");

	public static final By VERDICT = By.id("verdict");

	public static final By ISSUER_NAME = By.id("issuer-name");

	public static final By ISSUER_BASIS = By.id("issuer-basis");

	public static final By CHECKS = By.cssSelector("#checks li");

	/** On the public page: the badge's name, its status line, its course. */
	public static final By BADGE_NAME = By.id("badge-name");

	public static final By STATUS = By.id("status");

	private final WebDriver driver;

	private final String base;

	public Verifier(WebDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	/** Pastes {@code text} (a credential or a link) into the verifier and checks it; waits for the verdict. */
	public Verifier check(String text) {
		driver.switchTo().defaultContent();
		driver.get(base + "/verify");
		WebElement field = driver.findElement(TEXT);
		// a long credential typed key by key is slow; the value set from a script is what a paste gives
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, text);
		WebElement old = driver.findElement(By.tagName("main"));
		driver.findElement(CHECK).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.stalenessOf(old));
		wait.until(ExpectedConditions.visibilityOfElementLocated(VERDICT));
		return this;
	}

	/** Opens the public page of an award. */
	public Verifier publicPage(String awardId) {
		driver.switchTo().defaultContent();
		driver.get(base + "/verify/" + awardId);
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(BADGE_NAME));
		return this;
	}

	public String text(By by) {
		return driver.findElement(by).getText();
	}

	/** The line of "What we checked" whose label starts with {@code label}: its class (check-passed, …) and text. */
	public String[] checkLine(String label) {
		WebElement line = driver.findElements(CHECKS).stream()
				.filter(li -> li.findElement(By.className("check-what")).getText().startsWith(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no check \"" + label + "\" in " + text(By.id("report"))));
		return new String[] { line.getDomAttribute("class"), line.getText() };
	}
}
