package org.badgebridge.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.context.MessageSource;

import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;
import org.badgebridge.browser.pages.Shown;
import org.badgebridge.browser.pages.Verifier;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.support.Screens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases 5, 6 and 11 of the walk: the badge's own image (not the generic medal, never squashed on a phone) and the
 * institution (its name, country and logo, and the course) wherever a learner or an employer sees the badge; the
 * public pages fit a 390 px phone with their result in the first screen. Texts come from the bundles, in the walk's
 * language.
 */
final class InstitutionShown {

	/** The demo platform's own issuer profile: what employers should read instead of "BadgeBridge". */
	static final String INSTITUTION = "Hogeschool Demostad";

	static final String COUNTRY = "NL";

	/** A phone's width in CSS px. */
	static final int PHONE = 390;

	/** The badge image the teacher uploads: twice as wide as high, so a square box would squash it. */
	static final int IMAGE_WIDTH = 240;

	static final int IMAGE_HEIGHT = 120;

	private final WebDriver driver;

	private final MessageSource messages;

	private final Locale locale;

	InstitutionShown(WebDriver driver, MessageSource messages, Locale locale) {
		this.driver = driver;
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * The demo platform's own issuer, with a logo, made once for the server: badges made in the demo course from now
	 * on are issued by it. Its id.
	 */
	static long institution(Issuers issuers, BadgeImages images, long registrationId) throws IOException {
		IssuerProfile own = issuers.forRegistration(registrationId);
		if (own.registrationId() == null) {
			own = issuers.save(null, INSTITUTION, "https://www.hogeschool-demostad.example", null, COUNTRY,
					"University of applied sciences of the demo course", registrationId);
			images.storeIssuerLogo(own.id(), png(180, 60, new Color(0x1f, 0x4e, 0x8c)));
		}
		return own.id();
	}

	/** A PNG of the badge image's size, written to a temporary file for the file input. */
	static Path badgeImage() throws IOException {
		Path file = Files.createTempFile("badge-image", ".png");
		file.toFile().deleteOnExit();
		Files.write(file, png(IMAGE_WIDTH, IMAGE_HEIGHT, new Color(0xd9, 0x9a, 0x00)));
		return file;
	}

	static byte[] png(int width, int height, Color color) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/**
	 * Case 5 on the page of the current frame: {@code img} is the badge's own uploaded image (not the medal), and at
	 * 390 CSS px its laid-out ratio is the file's within 2 %.
	 */
	void ownImage(String where, By img, String badgeId) {
		Screens.width(driver, PHONE);
		try {
			Shown.Image shown = Shown.image(driver, img);
			assertThat(shown.src()).as("the badge's own image on " + where).endsWith("/badges/" + badgeId + "/image")
					.doesNotContain("/ob2/");
			assertThat(shown.naturalWidth() * IMAGE_HEIGHT).as("the uploaded file on " + where)
					.isEqualTo(shown.naturalHeight() * IMAGE_WIDTH);
			assertThat(shown.ratioError()).as("its aspect ratio at " + PHONE + " px on " + where + ": " + shown).isLessThan(0.02);
			assertThat(driver.findElements(By.className("medal"))).as("no generic medal on " + where).isEmpty();
		}
		finally {
			Screens.width(driver, Screens.WIDE);
		}
	}

	/** Case 6 on a learner's or public page: the institution (name, country, logo) and the course, not the tool. */
	void institutionAndCourse(String where, long issuerId, String course) {
		assertThat(driver.findElement(By.id("issuer")).getText()).as("the issuer line on " + where)
				.startsWith(text("learning.issuer.by")).contains(INSTITUTION).doesNotContain("BadgeBridge");
		assertThat(driver.findElement(By.id("issuer-name")).getText()).isEqualTo(INSTITUTION);
		assertThat(driver.findElement(By.id("issuer-country")).getText()).isEqualTo("(" + COUNTRY + ")");
		Shown.Image logo = Shown.image(driver, By.id("issuer-logo"));
		assertThat(logo.src()).as("the institution's logo on " + where).endsWith("/ob2/issuers/" + issuerId + "/image");
		assertThat(driver.findElement(By.id("issuer-logo")).getDomAttribute("alt")).isEqualTo(text("learning.issuer.logo-alt", INSTITUTION));
		assertThat(driver.findElement(By.id("course")).getText()).as("the course on " + where).isEqualTo(text("learning.course", course));
	}

	/** Case 6 in the claim mail: the institution (name, country, logo) and the course; never the tool on its own behalf. */
	void mail(OutgoingMail mail, String badge, String course) {
		String country = new Locale("", COUNTRY).getDisplayCountry(locale);
		assertThat(mail.textBody()).as("the claim mail's text")
				.contains(text("mail.claim.earned", badge, course, INSTITUTION)).contains(INSTITUTION + " · " + country)
				.doesNotContain("BadgeBridge, on behalf of BadgeBridge").doesNotContain("BadgeBridge namens BadgeBridge");
		assertThat(mail.htmlBody()).as("the claim mail's HTML").contains("id=\"mail-issuer-logo\"").contains(INSTITUTION)
				.contains(country);
	}

	/**
	 * Case 11 on the public page or the verifier's result: at 390 CSS px nothing scrolls sideways and {@code first}
	 * starts within the first screen.
	 */
	void fitsAPhone(String where, By first) {
		Screens.width(driver, PHONE);
		try {
			assertThat(Shown.sidewaysScroll(driver)).as(where + " scrolls sideways at " + PHONE + " px").isLessThanOrEqualTo(0);
			double[] at = Shown.topAndViewport(driver, first);
			assertThat(at[0]).as(where + ": " + first + " starts within the first screen (" + at[1] + " px)").isBetween(0.0, at[1]);
		}
		finally {
			Screens.width(driver, Screens.WIDE);
		}
	}

	/** Case 6 in the verifier: names the institution and says how it knows it. */
	void verifierNamesTheInstitution(Verifier verifier, String host) {
		assertThat(verifier.text(Verifier.ISSUER_NAME)).isEqualTo(INSTITUTION);
		assertThat(verifier.text(Verifier.ISSUER_BASIS)).as("how the verifier knows the issuer")
				.isIn(text("public.check.basis.OWN", host), text("public.check.basis.HOSTED", host), text("public.check.basis.WEB", host));
	}
}
