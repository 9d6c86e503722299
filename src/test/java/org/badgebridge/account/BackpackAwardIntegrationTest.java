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

/**
 * An award's page in the backpack: only its holder sees it; accepting and declining there (a declined award gets no
 * reminder, no credential, and a public page like a private award's); the credential's files need the backpack's
 * sign-in, which claiming through the mailed link gives; the learner's name in the credential only when chosen.
 */
class BackpackAwardIntegrationTest extends BackpackTests {

	@Test
	void theHolderSeesTheirAwardsPageAnotherHolderFindsNoSuchAward() throws Exception {
		Sent sue = sent(unique("sue"));
		Cookie holder = claimByLink(sue);
		MockHttpServletResponse own = page(sue.award(), holder);
		assertThat(own.getStatus()).isEqualTo(200);
		assertThat(own.getContentAsString()).contains("Data Literacy", "data-state=\"ACCEPTED\"", "id=\"issuer-name\"", "id=\"course\"",
				"id=\"awarded-on\"", "id=\"accepted-on\"", "id=\"expires-on\"", "id=\"download-svg\"", "lang=\"en\"")
				.doesNotContain("id=\"decline\"");
		assertThat(mvc.perform(get("/backpack").cookie(holder)).andReturn().getResponse().getContentAsString())
				.contains("href=\"/backpack/awards/" + sue.award().id() + "\"");

		Sent ben = sent(unique("ben"));
		Cookie other = claimByLink(ben);
		MockHttpServletResponse refused = page(sue.award(), other);
		assertThat(refused.getStatus()).as("another holder").isEqualTo(404);
		assertThat(refused.getContentAsString()).doesNotContain("Data Literacy");
		assertThat(mvc.perform(post("/backpack/awards/" + sue.award().id() + "/name").param("show", "true").cookie(other).with(csrf()))
				.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/backpack/awards/" + sue.award().id() + "/credential.json").cookie(other)).andReturn().getResponse()
				.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/backpack/awards/" + sue.award().id())).andReturn().getResponse().getRedirectedUrl())
				.as("nobody signed in").isEqualTo("/backpack/sign-in");
	}

	@Test
	void inDutchTheAwardsPageIsDutch() throws Exception {
		Sent sue = sent(unique("sue"));
		Cookie holder = claimByLink(sue);
		String page = mvc.perform(get("/backpack/awards/" + sue.award().id()).cookie(holder).header("Accept-Language", "nl"))
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("lang=\"nl\"", "geaccepteerd", "Toon mijn naam in de credential", "Geldig tot");
	}

	@Test
	void aLearnerDeclinesAndAcceptsLater() throws Exception {
		String address = unique("sue");
		Cookie holder = claimByLink(sent(address));
		Sent second = sent(address);
		String toClaim = page(second.award(), holder).getContentAsString();
		assertThat(toClaim).contains("data-state=\"TO_CLAIM\"", "id=\"accept\"", "id=\"decline\"").doesNotContain("id=\"downloads\"");

		mvc.perform(post("/backpack/awards/" + second.award().id() + "/decline").cookie(holder).with(csrf()));
		Award declined = awards.find(second.award().id()).orElseThrow();
		assertThat(declined.declined()).isTrue();
		assertThat(declined.claimed()).isFalse();
		assertThat(page(second.award(), holder).getContentAsString()).contains("data-state=\"DECLINED\"", "id=\"accept\"",
				"id=\"declined-on\"").doesNotContain("id=\"decline\"", "id=\"download-json\"");
		assertThat(mvc.perform(get("/backpack").cookie(holder)).andReturn().getResponse().getContentAsString())
				.contains("data-state=\"DECLINED\"");

		// its public page answers as a private award's, even where the row says public
		awards.setPublic(second.award().id(), true);
		assertThat(mvc.perform(get("/verify/" + second.award().id())).andReturn().getResponse().getContentAsString())
				.contains("Private").doesNotContain("Sue Second");
		// no credential
		assertThat(mvc.perform(get("/backpack/awards/" + second.award().id() + "/credential.json").cookie(holder)).andReturn()
				.getResponse().getStatus()).isEqualTo(303);
		assertThat(ob3.exists(second.award().id())).isFalse();
		// no reminder, though its link ends in two days and was sent long ago
		jdbc.sql("update claim_link set expires_at=?, created_at=? where award_id=?").params(System.currentTimeMillis()
				+ Duration.ofDays(2).toMillis(), System.currentTimeMillis() - Duration.ofDays(80).toMillis(), second.award().id()).update();
		window.remindDue();
		assertThat(outbox.recent(500).stream().filter(m -> m.dedupKey().startsWith("claim-reminder:" + second.award().id()))).isEmpty();

		mvc.perform(post("/backpack/awards/" + second.award().id() + "/accept").cookie(holder).with(csrf()));
		Award accepted = awards.find(second.award().id()).orElseThrow();
		assertThat(accepted.declined()).isFalse();
		assertThat(accepted.claimed()).isTrue();
		assertThat(page(second.award(), holder).getContentAsString()).contains("data-state=\"ACCEPTED\"", "id=\"download-json\"");
		assertThat(mvc.perform(post("/backpack/awards/" + second.award().id() + "/decline").cookie(holder).with(csrf())).andReturn()
				.getResponse().getRedirectedUrl()).startsWith("/backpack/awards/" + second.award().id());
		assertThat(awards.find(second.award().id()).orElseThrow().declined()).as("an accepted badge is not declined").isFalse();
	}

	@Test
	void thePageShowsExpiredSuspendedAndRevokedAwardsAsSuch() throws Exception {
		String address = unique("sue");
		Sent first = sent(address);
		Cookie holder = claimByLink(first);
		// the badge is valid for 24 months: awarded three years ago, it has expired
		jdbc.sql("update award set awarded_at=? where id=?").params(System.currentTimeMillis() - Duration.ofDays(3 * 365).toMillis(),
				first.award().id()).update();
		assertThat(page(first.award(), holder).getContentAsString()).contains("data-state=\"EXPIRED\"", "id=\"expires-on\"");

		Sent suspended = sent(address);
		awards.suspend(suspended.award().id(), "teacher:3", "An appeal is running");
		assertThat(page(suspended.award(), holder).getContentAsString()).contains("data-state=\"SUSPENDED\"", "id=\"suspended-on\"");

		Sent revoked = sent(address);
		awards.revoke(revoked.award().id(), "teacher:3", "Fraud");
		assertThat(page(revoked.award(), holder).getContentAsString()).contains("data-state=\"REVOKED\"", "id=\"revoked-on\"")
				.doesNotContain("id=\"accept\"", "id=\"decline\"", "id=\"download-json\"");
		mvc.perform(post("/backpack/awards/" + revoked.award().id() + "/accept").cookie(holder).with(csrf()));
		assertThat(awards.find(revoked.award().id()).orElseThrow().claimed()).as("a revoked badge is not accepted").isFalse();
	}

	@Test
	void theFilesNeedTheBackpacksSignInAndTheClaimLinkSendsThere() throws Exception {
		String address = unique("sue");
		Sent sue = sent(address);
		claimByLink(sue);
		MockHttpServletResponse viaLink = mvc.perform(get("/claim/" + sue.token() + "/credential.json")).andReturn().getResponse();
		assertThat(viaLink.getStatus()).isEqualTo(303);
		assertThat(viaLink.getContentAsString()).isEmpty();
		assertThat(mvc.perform(get(viaLink.getRedirectedUrl())).andReturn().getResponse().getRedirectedUrl())
				.as("without a backpack session").isEqualTo("/backpack/sign-in");

		Cookie later = signIn(address);
		String json = file(sue.award(), "json", later);
		assertThat(AchievementCredentialSchema.violations(json)).isEmpty();
		OpenBadges3.Issued issued = ob3.find(sue.award().id()).orElseThrow();
		assertThat(json).isEqualTo(issued.json());
		Map<String, Object> credential = JSONObjectUtils.parse(json);
		assertThat(credential.get("type")).asList().contains("OpenBadgeCredential");
		assertThat(file(sue.award(), "jwt", later)).isEqualTo(issued.jwt());
		byte[] png = mvc.perform(get("/backpack/awards/" + sue.award().id() + "/credential.png").cookie(later)).andReturn().getResponse()
				.getContentAsByteArray();
		assertThat(PngBaking.read(png, CredentialDownloads.OB3_KEYWORD)).hasValue(issued.json());
		byte[] svg = mvc.perform(get("/backpack/awards/" + sue.award().id() + "/credential.svg").cookie(later)).andReturn().getResponse()
				.getContentAsByteArray();
		SvgBaking.Baked baked = SvgBaking.readUploaded(svg).orElseThrow();
		assertThat(baked.credential()).isTrue();
		assertThat(baked.text()).isEqualTo(issued.json());
	}

	@Test
	void theNameIsInTheCredentialOnlyWhenTheLearnerChoosesIt() throws Exception {
		Sent sue = sent(unique("sue"));
		Cookie holder = claimByLink(sue);
		assertThat(page(sue.award(), holder).getContentAsString()).contains("id=\"show-name\"", "for=\"show-name\"")
				.doesNotContain("checked=\"checked\"");
		String anonymous = file(sue.award(), "json", holder);
		assertThat(anonymous).doesNotContain("Sue Second");

		mvc.perform(post("/backpack/awards/" + sue.award().id() + "/name").param("show", "true").cookie(holder).with(csrf()));
		assertThat(page(sue.award(), holder).getContentAsString()).contains("checked=\"checked\"");
		String named = file(sue.award(), "json", holder);
		assertThat(named).contains("Sue Second");
		assertThat(AchievementCredentialSchema.violations(named)).isEmpty();
		assertThat(JSONObjectUtils.parse(named).get("id")).as("the same credential, issued again")
				.isEqualTo(JSONObjectUtils.parse(anonymous).get("id"));
		assertThat(file(sue.award(), "jwt", holder)).isEqualTo(ob3.find(sue.award().id()).orElseThrow().jwt());

		mvc.perform(post("/backpack/awards/" + sue.award().id() + "/name").cookie(holder).with(csrf()));
		assertThat(file(sue.award(), "json", holder)).doesNotContain("Sue Second");
		assertThat(List.of(page(sue.award(), holder).getContentAsString())).noneMatch(p -> p.contains("checked=\"checked\""));
	}
}
