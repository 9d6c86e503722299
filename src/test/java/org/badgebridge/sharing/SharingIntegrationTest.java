package org.badgebridge.sharing;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.award.HolderErasure;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Issuers;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.verification.internal.BadgeVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Share links from the award's page in the backpack (the claim link changes nothing once claimed), and what every public URL of an award answers in each state (docs/sharing.md):
 * private, public, link regenerated, private again, revoked, expired, and deleted by the holder.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class SharingIntegrationTest {

	static final Pattern SHARE_URL = Pattern.compile("id=\"share-url\"[^>]*value=\"http://localhost:8080/s/([A-Za-z0-9_-]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	Awards awards;

	@Autowired
	HolderErasure erasure;

	@Autowired
	ClaimLinks claimLinks;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	Badges badges;

	@Autowired
	Issuers issuers;

	@Autowired
	BadgeVerifier verifier;

	@Autowired
	ShareLinks shareLinks;

	@Autowired
	JdbcClient jdbc;

	CredentialFixtures.Made made;

	String award;

	String claim;

	/** The backpack session of the account the award was claimed into: sharing is the holder's, behind that sign-in. */
	jakarta.servlet.http.Cookie holder;

	String backpackPage;

	@BeforeEach
	void claimedAward() {
		made = fixtures.claimedMicroCredential("sue@example.edu");
		award = made.award().id();
		// the claim mail (and its link) is made after the award commits; ours must come later
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mail_outbox where dedup_key=?")
				.param("claim:" + award).query(Integer.class).single() > 0);
		claim = ClaimLinks.newToken();
		claimLinks.store(award, claim, claimLinks.expiryFromNow());
		ob3.issue(award);
		holder = org.badgebridge.support.CourseActors.backpackSessionForAward(jdbc, award);
		backpackPage = "/backpack/awards/" + award;
	}

	MockHttpServletResponse fetch(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse();
	}

	MockHttpServletResponse fetchJson(String path) throws Exception {
		return mvc.perform(get(path).header("Accept", "application/ld+json")).andReturn().getResponse();
	}

	/** The award's page in the backpack, where its holder shares it. */
	String claimPage() throws Exception {
		return mvc.perform(get(backpackPage).cookie(holder)).andReturn().getResponse().getContentAsString();
	}

	String shareToken(String page) {
		Matcher m = SHARE_URL.matcher(page);
		assertThat(m.find()).as("the backpack page shows a share link").isTrue();
		return m.group(1);
	}

	void setPublic(boolean visible) throws Exception {
		assertThat(mvc.perform(post(backpackPage + "/visibility").param("public", Boolean.toString(visible)).cookie(holder).with(csrf()))
				.andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void privateByDefaultWithoutShareLinkYetEveryBakedUrlAnswers() throws Exception {
		String page = claimPage();
		assertThat(page).contains("id=\"toggle-visibility\"", "Make public").doesNotContain("id=\"share-url\"", "linkedin.com", "id=\"share-qr\"");
		assertThat(awards.find(award).orElseThrow().publicVisible()).isFalse();

		MockHttpServletResponse verify = fetch("/verify/" + award);
		assertThat(verify.getStatus()).isEqualTo(200);
		assertThat(verify.getContentAsString()).contains("Valid:").doesNotContain("Sue Second");
		MockHttpServletResponse assertion = fetchJson("/ob2/assertions/" + award);
		assertThat(assertion.getStatus()).isEqualTo(200);
		assertThat(assertion.getContentAsString()).doesNotContain("Sue Second", "evidence");
		MockHttpServletResponse credential = fetch("/ob3/credentials/" + award);
		assertThat(credential.getStatus()).as("private: known, but it names the holder").isEqualTo(403);
		assertThat(credential.getContentAsString()).contains("Private", "/verify/" + award).doesNotContain("Sue Second");
		assertThat(fetch("/ob3/credentials/" + award + "/jwt").getStatus()).isEqualTo(403);
		assertThat(fetch("/ob3/credentials/" + award + "/baked.png").getStatus()).isEqualTo(403);
		assertThat(fetch("/ob3/credentials/00000000-0000-0000-0000-000000000000").getStatus()).as("unknown award").isEqualTo(404);
	}

	@Test
	void publicGetsAShareLinkThatStaysTheSameAndOpensThePublicPage() throws Exception {
		setPublic(true);
		String page = claimPage();
		String token = shareToken(page);
		assertThat(token).hasSizeGreaterThanOrEqualTo(22);
		assertThat(page).contains("id=\"copy-share-link\"", "data-copy-from=\"share-url\"", "role=\"status\"", "/js/copy-link.js",
				"id=\"share-qr\"", "src=\"data:image/svg+xml;base64,", "alt=\"QR code of the share link http://localhost:8080/s/" + token + "\"",
				"id=\"regenerate-share-link\"", "Make private");
		assertThat(page).doesNotContain("<script>", "onclick=", "style=");
		String linkedIn = HtmlUtils.htmlUnescape(page.substring(page.indexOf("id=\"linkedin\"")).replaceFirst("(?s)^[^>]*?href=\"([^\"]+)\".*", "$1"));
		assertThat(linkedIn).startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Data+Literacy&organizationName=")
				.contains("&issueMonth=" + java.time.YearMonth.now(java.time.ZoneId.of("Europe/Amsterdam")).getMonthValue() + "&",
						"&expirationYear=", "&certUrl=http%3A%2F%2Flocalhost%3A8080%2Fs%2F" + token + "&certId=" + award);

		assertThat(shareToken(claimPage())).as("the same link on every visit").isEqualTo(token);
		MockHttpServletResponse shared = fetch("/s/" + token);
		assertThat(shared.getStatus()).isEqualTo(200);
		assertThat(shared.getContentAsString()).contains("Data Literacy", "Sue Second", "Valid:");
		assertThat(shared.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(shared.getHeader("X-Robots-Tag")).isEqualTo("noindex");
		assertThat(fetch("/ob3/credentials/" + award).getStatus()).isEqualTo(200);

		setPublic(false);
		assertThat(claimPage()).doesNotContain("id=\"share-url\"", "linkedin.com");
		MockHttpServletResponse hidden = fetch("/s/" + token);
		assertThat(hidden.getStatus()).as("the link explains that the badge is private").isEqualTo(403);
		assertThat(hidden.getContentAsString()).contains("The holder has made this badge private").doesNotContain("Sue Second", "Data Literacy");
		assertThat(fetch("/verify/" + award).getContentAsString()).doesNotContain("Sue Second");
		assertThat(fetch("/ob3/credentials/" + award).getStatus()).isEqualTo(403);

		setPublic(true);
		assertThat(shareToken(claimPage())).as("public again: the same link").isEqualTo(token);
		assertThat(fetch("/s/" + token).getStatus()).isEqualTo(200);
	}

	@Test
	void anEmployerPastesTheShareLinkIntoTheVerifierWhichChecksItFromTheDatabaseAndStopsWhenItIsReplaced() throws Exception {
		setPublic(true);
		String token = shareToken(claimPage());
		String shared = mvc.perform(multipart("/verify").param("text", "http://localhost:8080/s/" + token).with(csrf()))
				.andReturn().getResponse().getContentAsString();
		assertThat(shared).as("the share link's badge, checked without fetching our own site").contains("id=\"verdict\"", "Valid:",
				"Data Literacy");

		mvc.perform(post(backpackPage + "/share-link").cookie(holder).with(csrf()));
		String replaced = mvc.perform(multipart("/verify").param("text", "http://localhost:8080/s/" + token).with(csrf()))
				.andReturn().getResponse().getContentAsString();
		assertThat(replaced).doesNotContain("Valid:").contains("id=\"verdict\"");
	}

	@Test
	void theClaimLinkOfAClaimedBadgeNoLongerChangesWhoSeesItButSendsToTheBackpack() throws Exception {
		for (String action : new String[] { "/visibility", "/share-link" }) {
			MockHttpServletResponse r = mvc.perform(post("/claim/" + claim + action).param("public", "true").with(csrf()))
					.andReturn().getResponse();
			assertThat(r.getStatus()).as(action).isEqualTo(303);
			assertThat(r.getRedirectedUrl()).isEqualTo(backpackPage);
		}
		assertThat(awards.find(award).orElseThrow().publicVisible()).as("a forwarded claim mail publishes nothing").isFalse();
		assertThat(fetch("/claim/" + claim).getContentAsString()).contains("id=\"share-in-backpack\"")
				.doesNotContain("id=\"toggle-visibility\"");
	}

	@Test
	void aRegeneratedLinkReplacesTheOldOneWhichShowsANeutralPageInEnglishAndDutch() throws Exception {
		setPublic(true);
		String old = shareToken(claimPage());
		MockHttpServletResponse regenerated = mvc.perform(post(backpackPage + "/share-link").cookie(holder).with(csrf())).andReturn().getResponse();
		assertThat(regenerated.getStatus()).isEqualTo(302);
		String page = mvc.perform(get(regenerated.getRedirectedUrl()).cookie(holder)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("A new share link was made");
		String fresh = shareToken(page);
		assertThat(fresh).isNotEqualTo(old);

		MockHttpServletResponse gone = fetch("/s/" + old);
		assertThat(gone.getStatus()).isEqualTo(410);
		assertThat(gone.getContentAsString()).contains("This link is no longer shared.").doesNotContain("Sue Second", "Data Literacy", award);
		MockHttpServletResponse goneNl = mvc.perform(get("/s/" + old).param("lang", "nl")).andReturn().getResponse();
		assertThat(goneNl.getStatus()).isEqualTo(410);
		assertThat(goneNl.getContentAsString()).contains("Deze link wordt niet meer gedeeld.", "lang=\"nl\"");
		assertThat(fetch("/s/" + fresh).getContentAsString()).contains("Sue Second");
		assertThat(fetch("/s/AAAAAAAAAAAAAAAAAAAAAA").getStatus()).as("never a link").isEqualTo(404);
		assertThat(fetch("/s/x").getStatus()).isEqualTo(404);

		// the award's own URLs do not change with its share link
		assertThat(fetch("/verify/" + award).getStatus()).isEqualTo(200);
		assertThat(fetchJson("/ob2/assertions/" + award).getStatus()).isEqualTo(200);
		assertThat(fetch("/ob3/credentials/" + award).getStatus()).isEqualTo(200);

		setPublic(false);
		MockHttpServletResponse refused = mvc.perform(post(backpackPage + "/share-link").cookie(holder).with(csrf())).andReturn()
				.getResponse();
		assertThat(mvc.perform(get(refused.getRedirectedUrl()).cookie(holder)).andReturn().getResponse().getContentAsString())
				.as("a private award has no link to regenerate").contains("A private badge has no share link");
	}

	@Test
	void revokedAndExpiredBadgesExplainThemselvesOnTheSharedPage() throws Exception {
		setPublic(true);
		String token = shareToken(claimPage());
		jdbc.sql("update award set awarded_at=? where id=?").params(System.currentTimeMillis() - Duration.ofDays(3 * 366).toMillis(), award)
				.update();
		assertThat(fetch("/s/" + token).getContentAsString()).contains("Expired on");
		awards.revoke(award, "teacher:3", "Plagiarism found");
		MockHttpServletResponse revoked = fetch("/s/" + token);
		assertThat(revoked.getStatus()).isEqualTo(200);
		assertThat(revoked.getContentAsString()).contains("Revoked on").doesNotContain("Plagiarism found");
		assertThat(mvc.perform(get("/s/" + token).param("lang", "nl")).andReturn().getResponse().getContentAsString()).contains("Ingetrokken op");
	}

	@Test
	void deletedByTheHolderEveryUrlAnswers410AndTheStatusBitsStay() throws Exception {
		setPublic(true);
		String token = shareToken(claimPage());
		String json = ob3.find(award).orElseThrow().json();
		assertThat(verifier.verifyText(json, null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);

		Award erased = erasure.erase(award).orElseThrow();
		assertThat(erased.erased()).isTrue();
		assertThat(erased.revoked()).isTrue();
		assertThat(erased.revokeReason()).isEqualTo(Award.DELETED_BY_HOLDER);
		assertThat(erased.recipientName()).isNull();
		assertThat(erased.recipientEmail()).isNull();
		assertThat(erased.evidence()).isNull();
		assertThat(erased.publicVisible()).isFalse();
		assertThat(erasure.erase(award).orElseThrow().erasedAt()).as("a second call changes nothing").isEqualTo(erased.erasedAt());

		MockHttpServletResponse verify = fetch("/verify/" + award);
		assertThat(verify.getStatus()).isEqualTo(410);
		assertThat(verify.getContentAsString()).contains("Withdrawn on", "the holder deleted this badge").doesNotContain("Sue Second");
		MockHttpServletResponse assertion = fetchJson("/ob2/assertions/" + award);
		assertThat(assertion.getStatus()).isEqualTo(410);
		Map<String, Object> gone = JSONObjectUtils.parse(assertion.getContentAsString());
		assertThat(gone).containsEntry("revoked", true).containsEntry("id", "http://localhost:8080/ob2/assertions/" + award)
				.doesNotContainKey("recipient");
		assertThat(fetch("/ob2/assertions/" + award + "/baked.png").getStatus()).isEqualTo(410);
		assertThat(fetch("/ob2/assertions/" + award + "/baked.svg").getStatus()).isEqualTo(410);
		assertThat(fetch("/ob3/credentials/" + award).getStatus()).isEqualTo(410);
		assertThat(fetch("/ob3/credentials/" + award + "/jwt").getStatus()).isEqualTo(410);
		assertThat(fetch("/ob3/credentials/" + award + "/baked.png").getStatus()).isEqualTo(410);
		MockHttpServletResponse shared = fetch("/s/" + token);
		assertThat(shared.getStatus()).isEqualTo(410);
		assertThat(shared.getContentAsString()).contains("This link is no longer shared.");

		assertThat(verifier.verifyText(json, null).verdict()).as("the revocation bit is set and stays").isEqualTo(BadgeVerifier.Verdict.REVOKED);
		assertThat(jdbc.sql("select count(*) from award_log where award_id=? and action='ERASED_BY_HOLDER'").param(award)
				.query(Integer.class).single()).isEqualTo(1);
		// the revocation's listeners run after the commit (its publication is stored with it): wait until they are done
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ?"
				+ " and completion_date is null").param("%" + award + "%").query(Integer.class).single() == 0);
		assertThat(shareLinks.current(award)).as("the share link ended").isEmpty();
		assertThat(shareLinks.resolve(token)).isInstanceOf(ShareLinks.Replaced.class);
		assertThat(jdbc.sql("select count(*) from mail_outbox where dedup_key=?").param("revoked:" + award).query(Integer.class).single())
				.as("nobody is mailed about a deletion").isZero();
	}

	@Test
	void theIssuersLinkedInOrganisationIdReplacesItsName() throws Exception {
		long issuer = badges.issuer(made.badge()).id();
		issuers.setLinkedInOrganization(issuer, "1234567");
		setPublic(true);
		String page = HtmlUtils.htmlUnescape(claimPage());
		assertThat(page).contains("&organizationId=1234567&issueYear=").doesNotContain("organizationName=");
		issuers.setLinkedInOrganization(issuer, "");
		assertThat(issuers.find(issuer).orElseThrow().linkedInOrganizationId()).isNull();
	}
}
