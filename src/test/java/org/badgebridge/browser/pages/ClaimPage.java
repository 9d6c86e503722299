package org.badgebridge.browser.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The claim page a learner reaches from the claim mail ({@code /claim/{token}}), at the top level. */
public final class ClaimPage {

	public static final By NAME = By.id("badge-name");

	public static final By ACCEPT = By.id("accept");

	/** The badge's image. */
	public static final By IMAGE = By.id("badge-image");

	public static final By CLAIMED = By.id("claimed");

	public static final By DOWNLOADS = By.id("downloads");

	private final WebDriver driver;

	public ClaimPage(WebDriver driver, String url) {
		this.driver = driver;
		driver.switchTo().defaultContent();
		driver.get(url);
		await().until(ExpectedConditions.visibilityOfElementLocated(NAME));
	}

	public String name() {
		return driver.findElement(NAME).getText();
	}

	public void accept() {
		driver.findElement(ACCEPT).click();
		await().until(ExpectedConditions.visibilityOfElementLocated(CLAIMED));
	}

	public String claimed() {
		return driver.findElement(CLAIMED).getText();
	}

	public String downloads() {
		return driver.findElement(DOWNLOADS).getText();
	}

	/** Makes the badge public (the claim page's sharing controls) and gives its share link. */
	public String makePublic() {
		driver.findElement(By.id("toggle-visibility")).click();
		return await().until(ExpectedConditions.visibilityOfElementLocated(By.id("share-url"))).getDomProperty("value");
	}

	WebDriverWait await() {
		return new WebDriverWait(driver, Duration.ofSeconds(20));
	}
}
