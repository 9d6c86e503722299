package org.badgebridge.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.account.Holders.Learner;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.claim.ClaimWindow;
import org.badgebridge.course.LaunchRecord;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.Registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The holder's privacy: "download all my data" holds their own data only and no secret; deleting the account revokes
 * every award with the reason "deleted by holder" without mailing anyone, removes the personal data, keeps the award ids
 * and their public answers, prevents a new award at the next evaluation, leaves an audit entry and signs out; one switch
 * stops every claim reminder. (Retention: {@code account.internal.RetentionIntegrationTest}.)
 */
@SpringBootTest(properties = { "badgebridge.account.sign-ins-per-address-per-minute=100",
		"badgebridge.account.sign-ins-per-client-per-minute=100" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Holders.class)
class PrivacyIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	ClaimWindow window;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Holders holders;

	void linkLms(Learner learner) throws Exception {
		mvc.perform(post("/lti/account/link").cookie(holders.session(learner)).with(csrf()));
	}

	int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	@Test
	void downloadAllMyDataHoldsTheHoldersOwnDataAndNoSecret() throws Exception {
		Registration platform = holders.platform();
		Learner sue = holders.learner(platform, "sue", Holders.unique("sue"));
		Learner bob = holders.learner(platform, "bob", Holders.unique("bob"));
		holders.claimed(sue);
		holders.claimed(bob);
		linkLms(sue);
		Cookie holder = holders.signIn(sue.address());

		String page = mvc.perform(get("/backpack/privacy").cookie(holder)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"download-data\"", "Download all my data (JSON)", "id=\"start-delete\"");
		assertThat(mvc.perform(get("/backpack/privacy").cookie(holder).header("Accept-Language", "nl")).andReturn().getResponse()
				.getContentAsString()).contains("Download al mijn gegevens (JSON)");
		assertThat(mvc.perform(get("/backpack").cookie(holder)).andReturn().getResponse().getContentAsString())
				.contains("href=\"/backpack/privacy\"");

		MockHttpServletResponse response = mvc.perform(get("/backpack/privacy/export").cookie(holder)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains("badgebridge-my-data.json");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		String json = response.getContentAsString();
		assertThat(json).contains(sue.address().toLowerCase(), sue.badge().name(), sue.award().id(), "Course course-", "\"ACCEPTED\"",
				"\"subject\":\"sue\"", "\"claimReminders\":\"on\"", "\"issuer\"", "\"awardedAt\"", "\"claimedAt\"");
		assertThat(json).as("nobody else's data").doesNotContain(bob.address().toLowerCase(), bob.badge().name(), bob.award().id());
		for (String secret : jdbc.sql("select token_hash from account_sign_in where address=?").param(sue.address().toLowerCase())
				.query(String.class).list()) {
			assertThat(json).as("no hash of a sign-in link").doesNotContain(secret);
		}
		for (String secret : jdbc.sql("select id_hash from account_session").query(String.class).list()) {
			assertThat(json).as("no hash of a session").doesNotContain(secret);
		}
		assertThat(mvc.perform(get("/backpack/privacy/export")).andReturn().getResponse().getStatus()).as("signed in only")
				.isEqualTo(303);
	}

	@Test
	void deletingTheAccountRevokesErasesKeepsTheIdsPreventsReAwardAuditsAndSignsOut() throws Exception {
		Registration platform = holders.platform();
		String address = Holders.unique("del");
		LaunchRecord launch = holders.launch(platform, "del", address);
		jdbc.sql("update course_member set status='Active', in_roster=true where context_id=? and user_sub='del'").param(launch.contextId())
				.update();
		String column = "https://lms.example.edu/lineitems/" + UUID.randomUUID();
		jdbc.sql("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, last_seen_at) values (?,?,?,?,?,?)")
				.params(launch.contextId(), UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000", column,
						"Final project", 100.0, clock.millis())
				.update();
		long lineItem = jdbc.sql("select id from course_line_item where lineitem_url=?").param(column).query(Long.class).single();
		jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
				.params(lineItem, "del", 90.0, 100.0, clock.millis(), clock.millis()).update();
		BadgeClass badge = badges.create("Privacy " + UUID.randomUUID(), "Keeps data", launch.contextId(), "t-del");
		badges.setCriteria(badge.id(), new Criteria(new Criterion.ScoreRule("final", new Criterion.Column(column, null, null, "Final project"),
				Criterion.Threshold.PERCENT, 80), null));
		jdbc.sql("update badge_class set active=true where id=?").param(badge.id()).update();
		assertThat(awards.evaluateCourse(launch.contextId())).as("the learner meets the criteria").isEqualTo(1);
		Award earned = awards.forBadge(badge.id()).get(0);
		Learner del = new Learner(platform, launch, "del", address, badge, earned);
		String account = holders.claimed(del);
		Learner toClaim = holders.learner(platform, "del-other", address); // sent to the same address, in another course, not claimed
		linkLms(del);
		Cookie holder = holders.signIn(address);
		Cookie other = holders.signIn(address);
		mvc.perform(post("/backpack/sign-in").param("address", address).with(csrf())); // a link not used

		assertThat(mvc.perform(get("/backpack/privacy/delete").cookie(holder)).andReturn().getResponse().getContentAsString())
				.contains("id=\"confirm-deletion\"", "deleted by holder");
		MockHttpServletResponse unconfirmed = mvc.perform(post("/backpack/privacy/delete").cookie(holder).with(csrf())).andReturn()
				.getResponse();
		assertThat(unconfirmed.getRedirectedUrl()).startsWith("/backpack/privacy/delete");
		assertThat(holders.accountOf(address)).as("nothing deleted without the confirmation").contains(account);

		MockHttpServletResponse done = mvc.perform(post("/backpack/privacy/delete").param("confirm", "delete-my-account").cookie(holder)
				.with(csrf())).andReturn().getResponse();
		assertThat(done.getStatus()).isEqualTo(200);
		assertThat(done.getContentAsString()).contains("id=\"account-deleted\"", "2 badges were revoked");
		assertThat(done.getHeader("Set-Cookie")).startsWith("bb_backpack=;").contains("Max-Age=0");

		for (Award a : List.of(earned, toClaim.award())) {
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
					.until(() -> count("select count(*) from claim_link where award_id=?", a.id()) == 0);
			Award after = awards.find(a.id()).orElseThrow();
			assertThat(after.revoked()).isTrue();
			assertThat(after.revokeReason()).isEqualTo("deleted by holder");
			assertThat(after.erased()).isTrue();
			assertThat(count("select count(*) from award where id=? and recipient_name is null and recipient_email is null", a.id()))
					.as("no name or address on the award").isEqualTo(1);
			assertThat(awards.revoked()).extracting(Award::id).as("in the revocation status list").contains(a.id());
			assertThat(mvc.perform(get("/verify/" + a.id())).andReturn().getResponse().getStatus()).as("the award is still known, and gone: 410")
					.isEqualTo(410);
		}
		assertThat(count("select count(*) from award_score_post where award_id=? and state='REVOKED'", earned.id()))
				.as("the gradebook is told").isEqualTo(1);
		for (String table : List.of("account_address", "account_sign_in")) {
			assertThat(count("select count(*) from " + table + " where lower(address)=?", address.toLowerCase())).as(table).isZero();
		}
		for (String table : List.of("account_session", "account_lms_identity", "account_award", "account_address_check")) {
			assertThat(count("select count(*) from " + table + " where account_id=?", account)).as(table).isZero();
		}
		assertThat(count("select count(*) from account where id=?", account)).isZero();
		assertThat(mvc.perform(get("/backpack").cookie(other)).andReturn().getResponse().getRedirectedUrl())
				.as("every session of the account ended").isEqualTo("/backpack/sign-in");
		assertThat(count("select count(*) from account_audit where action='ACCOUNT_DELETED' and awards=2 and addresses=1 and identities=1 "
				+ "and sessions=2 and links=3")).as("the audit entry, counts only").isEqualTo(1);

		assertThat(awards.evaluateCourse(launch.contextId())).as("the next evaluation awards nothing again").isZero();
		assertThat(awards.forBadge(badge.id())).extracting(Award::id).containsExactly(earned.id());
		await().atMost(Duration.ofSeconds(20)).until(() -> count(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?", "%" + earned.id() + "%") == 0);
		assertThat(outbox.exists("revoked:" + earned.id())).as("nobody is mailed about the holder's own deletion").isFalse();
		assertThat(outbox.exists("revoked:" + toClaim.award().id())).isFalse();
	}

	@Test
	void oneSwitchInTheBackpackStopsTheClaimRemindersOfEveryAwardOfTheAccount() throws Exception {
		Registration platform = holders.platform();
		String address = Holders.unique("rem");
		Learner first = holders.learner(platform, "rem", address);
		holders.claimed(first);
		Learner second = holders.learner(platform, "rem-2", address); // to claim, in another course, sent to the same address
		Learner stranger = holders.learner(platform, "rem-x", Holders.unique("rem-x"));
		for (Learner l : List.of(second, stranger)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> outbox.exists("claim:" + l.award().id()));
			jdbc.sql("update claim_link set expires_at=?, created_at=? where award_id=?").params(clock.millis() + Duration.ofDays(10).toMillis(),
					clock.millis() - Duration.ofDays(60).toMillis(), l.award().id()).update();
		}
		Cookie holder = holders.signIn(address);
		mvc.perform(post("/backpack/privacy/reminders").param("off", "true").cookie(holder).with(csrf()));
		assertThat(mvc.perform(get("/backpack/privacy").cookie(holder)).andReturn().getResponse().getContentAsString())
				.contains("data-off=\"true\"", "Switch reminders on");

		window.remindDue();
		assertThat(reminders(stranger.award())).as("someone else's reminder goes").hasSize(1);
		assertThat(reminders(second.award())).as("switched off in the backpack").isEmpty();

		mvc.perform(post("/backpack/privacy/reminders").param("off", "false").cookie(holder).with(csrf()));
		window.remindDue();
		assertThat(reminders(second.award())).as("on again").hasSize(1);
	}

	List<OutgoingMail> reminders(Award award) {
		return outbox.recent(1000).stream().filter(m -> m.dedupKey().startsWith("claim-reminder:" + award.id() + ":")).toList();
	}
}
