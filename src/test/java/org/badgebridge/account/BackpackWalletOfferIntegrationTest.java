package org.badgebridge.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sending to a wallet from the backpack ({@code wallet} module): a public, accepted badge's page offers it; the offer
 * page shows the QR code, the {@code openid-credential-offer://} link and the transaction code, and that link's code
 * with that transaction code gets a token; a private badge gets no offer; another holder's badge is not found.
 */
class BackpackWalletOfferIntegrationTest extends BackpackTests {

	static final Pattern LINK = Pattern.compile("id=\"offer-link\" href=\"([^\"]+)\"");

	static final Pattern TX = Pattern.compile("id=\"tx-code-value\">([0-9]+)<");

	@Test
	@SuppressWarnings("unchecked")
	void aPublicBadgeIsOfferedToAWalletWithATransactionCode() throws Exception {
		Sent sue = sent(unique("sue"));
		Cookie holder = claimByLink(sue);
		String base = "/backpack/awards/" + sue.award().id();
		assertThat(page(sue.award(), holder).getContentAsString()).as("private: no offer").doesNotContain("id=\"wallet-offer\"");
		MockHttpServletResponse refused = mvc.perform(post(base + "/wallet").param("txCode", "true").cookie(holder).with(csrf()))
				.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(302);
		assertThat(mvc.perform(get(refused.getRedirectedUrl()).cookie(holder)).andReturn().getResponse().getContentAsString())
				.contains("Only a public badge");

		awards.setPublic(sue.award().id(), true);
		assertThat(page(sue.award(), holder).getContentAsString()).contains("id=\"wallet-offer\"");
		MockHttpServletResponse offer = mvc.perform(post(base + "/wallet").param("txCode", "true").cookie(holder).with(csrf()))
				.andReturn().getResponse();
		assertThat(offer.getStatus()).isEqualTo(200);
		assertThat(offer.getHeader("Cache-Control")).contains("no-store");
		String html = offer.getContentAsString();
		assertThat(html).contains("id=\"offer-qr\" src=\"data:image/");
		Matcher link = LINK.matcher(html);
		Matcher tx = TX.matcher(html);
		assertThat(link.find()).isTrue();
		assertThat(tx.find()).isTrue();
		String url = HtmlUtils.htmlUnescape(link.group(1));
		assertThat(url).startsWith("openid-credential-offer://?credential_offer=");
		Map<String, Object> json = JSONObjectUtils.parse(URLDecoder.decode(url.substring(url.indexOf('=') + 1), StandardCharsets.UTF_8));
		assertThat(json).containsEntry("credential_issuer", "http://localhost:8080");
		Map<String, Object> grant = (Map<String, Object>) ((Map<String, Object>) json.get("grants"))
				.get("urn:ietf:params:oauth:grant-type:pre-authorized_code");
		assertThat((Map<String, Object>) grant.get("tx_code")).containsEntry("input_mode", "numeric").containsEntry("length", 6L);

		MockHttpServletResponse token = mvc.perform(post("/oid4vci/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code")
				.param("pre-authorized_code", (String) grant.get("pre-authorized_code")).param("tx_code", tx.group(1))).andReturn().getResponse();
		assertThat(token.getStatus()).as(token.getContentAsString()).isEqualTo(200);

		Sent ben = sent(unique("ben"));
		Cookie other = claimByLink(ben);
		assertThat(mvc.perform(post(base + "/wallet").cookie(other).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}
}
