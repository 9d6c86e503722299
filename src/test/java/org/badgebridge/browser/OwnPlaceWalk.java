package org.badgebridge.browser;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.badgebridge.award.Award;
import org.badgebridge.browser.pages.Verifier;
import org.badgebridge.mail.OutgoingMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's walk after the learner signed in to her backpack (a top-level page): she adds a private address and
 * confirms it from the mail (in her signed-in browser: the link alone confirms nothing); on the badge's page in the
 * backpack she makes it public, copies its share link, sees its QR code and the page the link opens, finds LinkedIn's
 * "Add to profile" link with exactly the parameters LinkedIn takes, and replaces the link: the old one
 * then answers "no longer shared", the new one (LinkedIn's {@code certUrl}) opens the badge's public page, and the
 * verifier checks the pasted link as valid. Her privacy page too. Every page through the walk's checks (axe, language,
 * 320 px).
 */
final class OwnPlaceWalk {

	static final Pattern ADDRESS_LINK = Pattern.compile("https?://[^\\s\"<>]+/backpack/addresses/verify/[A-Za-z0-9_-]{20,}");

	private final AccessibleWalkBrowserTest walk;

	private final Award award;

	private final String badge;

	private final WebDriver d;

	OwnPlaceWalk(AccessibleWalkBrowserTest walk, Award award, String badge) {
		this.walk = walk;
		this.award = award;
		this.badge = badge;
		this.d = walk.d;
	}

	void addsAnAddressAndSharesFromTheBackpack() throws IOException {
		String second = "ana.private-" + AccessibleWalkBrowserTest.suffix() + "@example.org";
		d.switchTo().defaultContent();
		d.get(walk.tool() + "/backpack");
		d.findElement(By.id("address")).sendKeys(second);
		d.findElement(By.id("add-address")).click();
		await().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		String link = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailedLink(second), Optional::isPresent).orElseThrow();
		d.get(link);
		await().until(ExpectedConditions.elementToBeClickable(By.id("confirm"))).click();
		await().until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
		walk.check("backpack-address-confirmed", false);
		d.get(walk.tool() + "/backpack");
		assertThat(d.findElement(By.id("addresses")).getText()).as("both addresses in the backpack")
				.contains(second, award.recipientEmail() == null ? "" : award.recipientEmail());
		walk.check("backpack-two-addresses", false);

		d.get(walk.tool() + "/backpack/awards/" + award.id());
		assertThat(d.findElements(By.id("share-url"))).as("private until she shares it").isEmpty();
		d.findElement(By.id("toggle-visibility")).click();
		String before = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("share-url"))).getDomAttribute("value");
		assertThat(d.findElement(By.id("share-qr")).getDomAttribute("alt")).contains(before);
		d.findElement(By.id("copy-share-link")).click();
		await().until(x -> !x.findElement(By.id("copy-status")).getText().isBlank());
		walk.check("backpack-award-public", false);
		d.get(before);
		assertThat(d.findElement(By.id("recipient")).getText()).as("the shared page names the holder").isNotBlank();
		walk.check("shared", false);
		d.get(walk.tool() + "/backpack/awards/" + award.id());
		org.openqa.selenium.WebElement old = d.findElement(By.id("share-url"));
		d.findElement(By.id("regenerate-share-link")).click();
		await().until(ExpectedConditions.stalenessOf(old));
		String shareUrl = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("share-url"))).getDomAttribute("value");
		assertThat(shareUrl).isNotEqualTo(before).contains("/s/");

		Map<String, String> linkedIn = query(d.findElement(By.id("linkedin")).getDomAttribute("href"));
		YearMonth issued = YearMonth.from(award.awardedAt().atZone(ZoneId.of("Europe/Amsterdam")));
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("startTask", "CERTIFICATION_NAME");
		expected.put("name", badge);
		expected.put("organizationName", InstitutionShown.INSTITUTION);
		expected.put("issueYear", Integer.toString(issued.getYear()));
		expected.put("issueMonth", Integer.toString(issued.getMonthValue()));
		expected.put("certUrl", shareUrl);
		expected.put("certId", award.id());
		assertThat(linkedIn).as("LinkedIn's parameters, exactly (no expiry: the badge has none)").containsExactlyEntriesOf(expected);

		d.findElement(By.id("wallet-offer")).click();
		await().until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-qr")));
		assertThat(d.findElement(By.id("offer-link")).getDomAttribute("href")).startsWith("openid-credential-offer://?credential_offer=");
		assertThat(d.findElement(By.id("tx-code-value")).getText()).matches("[0-9]{6}");
		walk.check("backpack-wallet-offer", false);

		d.get(before);
		assertThat(d.findElement(By.tagName("main")).getText()).contains(walk.shown.text("public.shared.ended"));
		walk.check("shared-link-replaced", false);
		d.get(linkedIn.get("certUrl"));
		assertThat(d.findElement(Verifier.STATUS).getText())
				.isEqualTo(walk.shown.text("public.status.valid", InstitutionShown.INSTITUTION));
		walk.check("shared-from-backpack", false);
		Verifier verifier = new Verifier(d, walk.tool()).check(shareUrl);
		assertThat(verifier.text(Verifier.VERDICT)).isEqualTo(walk.shown.text("public.check.valid", badge, InstitutionShown.INSTITUTION));

		d.get(walk.tool() + "/backpack/privacy");
		await().until(ExpectedConditions.visibilityOfElementLocated(By.id("download-data")));
		walk.check("backpack-privacy", false);
	}

	private Optional<String> mailedLink(String address) {
		return walk.outbox.recent(200).stream()
				.filter(m -> m.recipient().equalsIgnoreCase(address) && m.dedupKey().startsWith("account-address:"))
				.map(OutgoingMail::textBody).map(ADDRESS_LINK::matcher).filter(Matcher::find).map(Matcher::group).findFirst();
	}

	/** The query parameters of a URL, decoded, in their order. */
	static Map<String, String> query(String url) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String pair : URI.create(url).getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return out;
	}

	private WebDriverWait await() {
		return new WebDriverWait(d, Duration.ofSeconds(20));
	}
}
