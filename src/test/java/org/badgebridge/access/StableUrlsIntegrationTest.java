package org.badgebridge.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.OpenBadges3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * URLs that live outside the tool do not move: the launch and login URLs stored in LMS activities and registrations,
 * claim links in mails, and every URL baked into credentials and images already handed out. Each is requested here
 * with real data and must answer as it always did.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StableUrlsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	Awards awards;

	@Autowired
	Badges badges;

	@Autowired
	ClaimLinks links;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	org.badgebridge.sharing.Sharing sharing;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void everyUrlHandedOutAnswersAsBefore() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		String award = made.award().id();
		String badge = made.badge().id();
		sharing.setPublic(award, true); // and its share link, handed out from now on
		String shareUrl = sharing.controls(awards.find(award).orElseThrow()).shareUrl();
		// the claim listener stores the mailed link of the award (replacing any other): let it finish, then make ours
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"select count(*) from claim_link where award_id=?").param(award).query(Integer.class).single() == 1);
		String token = ClaimLinks.newToken();
		links.store(award, token, links.expiryFromNow());
		OpenBadges3.Issued issued = ob3.issue(award);
		long issuer = badges.issuer(made.badge()).id();

		Map<String, Integer> get = new LinkedHashMap<>();
		get.put("/claim/" + token, 200);
		get.put("/ob2/assertions/" + award, 200);
		get.put("/ob2/assertions/" + award + "/baked.png", 200);
		get.put("/ob2/badges/" + badge, 200);
		get.put("/ob2/issuers/" + issuer, 200);
		get.put("/ob2/issuers/" + issuer + "/revocations", 200);
		get.put("/ob3/credentials/" + award, 200);
		get.put("/ob3/credentials/" + award + "/jwt", 200);
		get.put("/ob3/credentials/" + award + "/baked.png", 200);
		get.put("/ob3/keys", 200);
		get.put("/verify/" + award, 200);
		get.put(shareUrl.substring("http://localhost:8080".length()), 200);
		get.put("/verify", 200);
		get.put("/.well-known/jwks.json", 200);
		get.put("/contexts/microcredential-v1.json", 200);
		get.put("/catalogue", 200);
		get.put("/lti/config/canvas.json", 200);
		List<String> statusLists = new ArrayList<>();
		Matcher m = Pattern.compile("\"statusListCredential\"\\s*:\\s*\"http://localhost:8080([^\"]+)\"").matcher(issued.json());
		while (m.find()) {
			statusLists.add(m.group(1));
		}
		assertThat(statusLists).as("status lists named in the credential").isNotEmpty();
		statusLists.forEach(path -> get.put(path, 200));
		for (Map.Entry<String, Integer> e : get.entrySet()) {
			assertThat(mvc.perform(get(e.getKey())).andReturn().getResponse().getStatus()).as("GET " + e.getKey()).isEqualTo(e.getValue());
		}
		// the LMS's entry points answer with their own refusal (no parameters), not "not found" or "method not allowed"
		assertThat(mvc.perform(post("/lti/launch")).andReturn().getResponse().getStatus()).as("POST /lti/launch").isEqualTo(400);
		assertThat(mvc.perform(post("/lti/login")).andReturn().getResponse().getStatus()).as("POST /lti/login").isEqualTo(400);
		assertThat(mvc.perform(get("/lti/login")).andReturn().getResponse().getStatus()).as("GET /lti/login").isEqualTo(400);
		assertThat(mvc.perform(get("/lti/register")).andReturn().getResponse().getStatus()).as("GET /lti/register").isEqualTo(400);
	}
}
