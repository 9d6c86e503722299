package org.badgebridge.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sharing from the backpack: an accepted badge is private until its holder makes it public on its page there; then the
 * page has the share link (opening the public page), LinkedIn's "Add to profile" link and a QR code; another holder
 * cannot change it; a badge still to claim cannot be shared.
 */
class BackpackSharingIntegrationTest extends BackpackTests {

	static final Pattern SHARE_URL = Pattern.compile("id=\"share-url\"[^>]*value=\"http://localhost:8080(/s/[A-Za-z0-9_-]+)\"");

	static final Pattern LINKEDIN = Pattern.compile("id=\"linkedin\" href=\"([^\"]+)\"");

	@Test
	void theHolderMakesTheBadgePublicInTheBackpackAndGetsTheShareLinkLinkedInAndAQrCode() throws Exception {
		Sent sue = sent(unique("sue"));
		Cookie holder = claimByLink(sue);
		String base = "/backpack/awards/" + sue.award().id();
		assertThat(page(sue.award(), holder).getContentAsString()).as("private by default").contains("id=\"toggle-visibility\"")
				.doesNotContain("id=\"share-url\"", "linkedin.com");

		MockHttpServletResponse made = mvc.perform(post(base + "/visibility").param("public", "true").cookie(holder).with(csrf()))
				.andReturn().getResponse();
		assertThat(made.getStatus()).isEqualTo(302);
		String page = mvc.perform(get(made.getRedirectedUrl()).cookie(holder)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Your badge is public", "id=\"share-qr\"", "id=\"copy-share-link\"");
		Matcher share = SHARE_URL.matcher(page);
		assertThat(share.find()).isTrue();
		assertThat(mvc.perform(get(share.group(1))).andReturn().getResponse().getContentAsString()).contains("Data Literacy");
		Matcher linkedIn = LINKEDIN.matcher(page);
		assertThat(linkedIn.find()).isTrue();
		String url = HtmlUtils.htmlUnescape(linkedIn.group(1));
		assertThat(url).startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&");
		assertThat(URLDecoder.decode(url, StandardCharsets.UTF_8)).contains("name=Data Literacy",
				"certUrl=http://localhost:8080" + share.group(1), "certId=");

		assertThat(mvc.perform(post(base + "/visibility").param("public", "false").cookie(holder).with(csrf())).andReturn()
				.getResponse().getStatus()).isEqualTo(302);
		assertThat(mvc.perform(get(share.group(1))).andReturn().getResponse().getStatus()).as("private again").isEqualTo(403);
	}

	@Test
	void anotherHolderCannotShareItAndABadgeStillToClaimCannotBeShared() throws Exception {
		Sent sue = sent(unique("sue"));
		claimByLink(sue);
		Sent ben = sent(unique("ben"));
		Cookie other = claimByLink(ben);
		assertThat(mvc.perform(post("/backpack/awards/" + sue.award().id() + "/visibility").param("public", "true").cookie(other)
				.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(awards.find(sue.award().id()).orElseThrow().publicVisible()).isFalse();

		Sent second = sent(ben.award().recipientEmail());
		MockHttpServletResponse refused = mvc.perform(post("/backpack/awards/" + second.award().id() + "/visibility")
				.param("public", "true").cookie(other).with(csrf())).andReturn().getResponse();
		String after = mvc.perform(get(refused.getRedirectedUrl()).cookie(other)).andReturn().getResponse().getContentAsString();
		assertThat(after).contains("Only a badge you accepted");
		assertThat(awards.find(second.award().id()).orElseThrow().publicVisible()).isFalse();
	}
}
