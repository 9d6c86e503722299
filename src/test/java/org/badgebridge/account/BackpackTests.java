package org.badgebridge.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.claim.ClaimWindow;
import org.badgebridge.credential.AchievementCredentialSchema;
import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.credential.PngBaking;
import org.badgebridge.credential.SvgBaking;
import org.badgebridge.mail.Outbox;
import org.badgebridge.mail.OutgoingMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** What the backpack award tests share: an award sent to an address, claimed by its link (which signs in), sign-in by a mailed link. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class BackpackTests {


	static final Pattern SIGN_IN = Pattern.compile("/backpack/sign-in/([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	ClaimLinks claimLinks;

	@Autowired
	ClaimWindow window;

	@Autowired
	Awards awards;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@example.edu";
	}

	/** An award of a micro-credential to the address, not claimed, with a claim link of our own (after the mail's). */
	record Sent(Award award, String token) {
	}

	Sent sent(String address) {
		Award award = fixtures.awardedMicroCredential(address).award();
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mail_outbox where dedup_key=?")
				.param("claim:" + award.id()).query(Integer.class).single() > 0);
		String token = ClaimLinks.newToken();
		claimLinks.store(award.id(), token, claimLinks.expiryFromNow(), address);
		return new Sent(award, token);
	}

	/** Accepts on the claim page; returns the backpack session it signed the learner in with. */
	Cookie claimByLink(Sent sent) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/claim/" + sent.token()).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("id=\"claimed\"", "id=\"open-backpack\"", "/backpack/awards/" + sent.award().id());
		assertThat(response.getHeader("Set-Cookie")).startsWith("bb_backpack=").contains("HttpOnly", "Secure", "SameSite=Lax");
		return response.getCookie("bb_backpack");
	}

	/** Signs in with a link mailed to the address, as a learner does later. */
	Cookie signIn(String address) throws Exception {
		mvc.perform(post("/backpack/sign-in").param("address", address).with(csrf()));
		OutgoingMail mail = outbox.recent(500).stream()
				.filter(m -> m.recipient().equalsIgnoreCase(address) && m.dedupKey().startsWith("account-sign-in:")).findFirst().orElseThrow();
		Matcher link = SIGN_IN.matcher(mail.textBody());
		assertThat(link.find()).isTrue();
		return mvc.perform(post("/backpack/sign-in/" + link.group(1)).with(csrf())).andReturn().getResponse().getCookie("bb_backpack");
	}

	MockHttpServletResponse page(Award award, Cookie holder) throws Exception {
		return mvc.perform(get("/backpack/awards/" + award.id()).cookie(holder)).andReturn().getResponse();
	}

	String file(Award award, String kind, Cookie holder) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/backpack/awards/" + award.id() + "/credential." + kind).cookie(holder))
				.andReturn().getResponse();
		assertThat(response.getStatus()).as(kind).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
		return response.getContentAsString();
	}

}
