package org.badgebridge.browser;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.openqa.selenium.By;

import org.badgebridge.award.Award;
import org.badgebridge.browser.pages.Verifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk's award as employers see it, at the top level: its public page ({@code /verify/{award}}), the verifier
 * with the page's link pasted ({@code /verify}) and the catalogue. While valid (cases 5, 6, 11): the badge's own image,
 * the institution and the course, nothing sideways at 390 px and the status first. After the revoke (cases 8, 11): the
 * verifier says "not valid: revoked" and its status check failed, never "passed". Texts from the bundles, in the
 * walk's language.
 */
final class PublicPagesWalk {

	private final AccessibleWalkBrowserTest walk;

	private final Award award;

	private final String badgeId;

	private final String badge;

	private final String course;

	private final String base;

	PublicPagesWalk(AccessibleWalkBrowserTest walk, Award award, String badgeId, String badge, String course) {
		this.walk = walk;
		this.award = award;
		this.badgeId = badgeId;
		this.badge = badge;
		this.course = course;
		this.base = walk.tool();
	}

	void whileValid() throws IOException {
		InstitutionShown shown = walk.shown;
		Verifier verifier = new Verifier(walk.d, base).publicPage(award.id());
		assertThat(verifier.text(Verifier.STATUS)).isEqualTo(shown.text("public.status.valid", InstitutionShown.INSTITUTION));
		shown.ownImage("the public page", By.id("badge-image"), badgeId);
		shown.institutionAndCourse("the public page", walk.institution, course);
		shown.fitsAPhone("the public page", Verifier.STATUS);
		walk.check("public-valid", false);

		verifier.check(publicLink());
		assertThat(verifier.text(Verifier.VERDICT)).isEqualTo(shown.text("public.check.valid", badge, InstitutionShown.INSTITUTION));
		shown.verifierNamesTheInstitution(verifier, "localhost");
		shown.fitsAPhone("the verifier's result", Verifier.RESULT);
		walk.check("verifier-valid", false);

		walk.d.get(base + "/catalogue?q=" + URLEncoder.encode(badge, StandardCharsets.UTF_8));
		By entry = By.xpath("//li[contains(@class,'catalogue-entry')][.//a[normalize-space()='" + badge + "']]");
		assertThat(walk.d.findElement(entry).findElement(By.className("catalogue-issuer")).getText())
				.isEqualTo(shown.text("public.catalogue.by-country", InstitutionShown.INSTITUTION, InstitutionShown.COUNTRY));
		shown.ownImage("the catalogue", By.xpath("//li[contains(@class,'catalogue-entry')][.//a[normalize-space()='" + badge + "']]//img"),
				badgeId);
		walk.check("catalogue", false);
	}

	void afterRevoke() throws IOException {
		InstitutionShown shown = walk.shown;
		Verifier verifier = new Verifier(walk.d, base).publicPage(award.id());
		shown.fitsAPhone("the revoked public page", Verifier.STATUS);

		verifier.check(publicLink());
		Award revoked = walk.awards.find(award.id()).orElseThrow();
		String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(walk.language))
				.withZone(ZoneId.of("Europe/Amsterdam")).format(revoked.revokedAt());
		assertThat(verifier.text(Verifier.VERDICT)).isEqualTo(shown.text("public.check.revoked-on", on));
		String[] status = verifier.checkLine(shown.text("public.check.label.Status"));
		assertThat(status[0]).as("the status check of a revoked badge").contains("check-failed").doesNotContain("check-passed");
		assertThat(status[1]).as("the status check of a revoked badge").contains(shown.text("public.check.failed-status"))
				.doesNotContainIgnoringCase(shown.text("public.check.passed"))
				.as("why, in the walk's language").contains(shown.text("public.check.detail.revoked-on", on));
		shown.fitsAPhone("the verifier's result, revoked", Verifier.RESULT);
		walk.check("verifier-revoked", false);
	}

	private String publicLink() {
		return base + "/verify/" + award.id();
	}
}
