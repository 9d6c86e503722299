package org.badgebridge.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.badgebridge.award.Award;
import org.badgebridge.mail.OutgoingMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk's learner in her backpack, at the top level: the award's page asks her to sign in first, a link mailed to
 * her address signs her in, and the award's page shows the badge accepted with its files and the choice to show her
 * name in the credential. Each page through the walk's checks (axe, language, narrow screens).
 */
final class BackpackWalk {

	static final Pattern SIGN_IN_LINK = Pattern.compile("https?://[^\\s\"<>]+/backpack/sign-in/[A-Za-z0-9_-]{43}");

	private final AccessibleWalkBrowserTest walk;

	private final Award award;

	private final String address;

	BackpackWalk(AccessibleWalkBrowserTest walk, Award award, String address) {
		this.walk = walk;
		this.award = award;
		this.address = address;
	}

	void signInAndOpenTheAward() throws IOException {
		WebDriver d = walk.d;
		String page = walk.tool() + "/backpack/awards/" + award.id();
		d.switchTo().defaultContent();
		d.get(page);
		await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("send-link")));
		walk.check("backpack-sign-in", false);
		// the claim made her account (an event after the claim): ask until the link comes
		String link = Awaitility.await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofSeconds(20)).until(() -> {
			d.get(walk.tool() + "/backpack/sign-in");
			d.findElement(By.id("address")).sendKeys(address);
			d.findElement(By.id("send-link")).click();
			await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			return signInLink();
		}, Optional::isPresent).orElseThrow();
		d.get(link);
		await(d).until(ExpectedConditions.elementToBeClickable(By.id("sign-in-now"))).click();
		await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("badges")));
		walk.check("backpack", false);
		d.get(page);
		await(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("downloads")));
		assertThat(d.findElement(By.id("state")).getAttribute("data-state")).isEqualTo("ACCEPTED");
		assertThat(d.findElement(By.cssSelector("label[for=show-name]")).getText()).isNotBlank();
		walk.check("backpack-award", false);
	}

	private Optional<String> signInLink() {
		return walk.outbox.recent(200).stream()
				.filter(m -> m.recipient().equalsIgnoreCase(address) && m.dedupKey().startsWith("account-sign-in:"))
				.map(OutgoingMail::textBody).map(SIGN_IN_LINK::matcher).filter(Matcher::find).map(Matcher::group).findFirst();
	}

	private static WebDriverWait await(WebDriver d) {
		return new WebDriverWait(d, Duration.ofSeconds(20));
	}
}
