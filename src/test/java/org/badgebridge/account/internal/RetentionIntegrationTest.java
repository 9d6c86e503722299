package org.badgebridge.account.internal;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.account.Holders;
import org.badgebridge.account.Holders.Learner;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.Registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Retention: each purge removes what has outlived its period (the periods' defaults, times moved back in SQL) and nothing
 * that has not; an unclaimed award loses its name and address but stays, so the learner is not awarded again. The purge
 * runs as a job on the clustered scheduler.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Holders.class)
class RetentionIntegrationTest {

	@Autowired
	Holders holders;

	@Autowired
	Retention retention;

	@Autowired
	Scheduler scheduler;

	@Autowired
	MockMvc mvc;

	@Autowired
	Awards awards;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	/** Moves a time column of the rows {@code where} names to {@code ago} before now. */
	void ago(String table, String column, Duration ago, String where, Object key) {
		jdbc.sql("update " + table + " set " + column + "=? where " + where + "=?").params(System.currentTimeMillis() - ago.toMillis(), key)
				.update();
	}

	@Test
	void thePurgesRemoveWhatOutlivedItsPeriodAndNothingElse() throws Exception {
		assertThat(scheduler.checkExists(new JobKey("retention", "account"))).isTrue();
		assertThat(scheduler.checkExists(new TriggerKey("retention", "account"))).as("scheduled on the clustered scheduler").isTrue();

		Registration platform = holders.platform();
		Learner kept = holders.learner(platform, "ret", Holders.unique("ret"));
		String account = holders.claimed(kept);
		Cookie holder = holders.signIn(kept.address());
		mvc.perform(post("/backpack/addresses").param("address", Holders.unique("ret-private")).cookie(holder).with(csrf()));
		Learner unclaimed = holders.learner(platform, "ret-un", Holders.unique("ret-un"));
		Learner recent = holders.learner(platform, "ret-new", Holders.unique("ret-new"));
		await().atMost(Duration.ofSeconds(20)).until(() -> outbox.exists("claim:" + unclaimed.award().id()));
		String address = kept.address().toLowerCase();
		String signIns = "select count(*) from account_sign_in where address='" + address + "'";
		String sessions = "select count(*) from account_session where account_id='" + account + "'";
		String checks = "select count(*) from account_address_check where account_id='" + account + "'";
		String email = "select count(*) from award where id=? and recipient_email is not null";
		assertThat(List.of(count(signIns), count(sessions), count(checks), count(email, unclaimed.award().id()))).containsExactly(1, 1, 1, 1);

		retention.purge();
		assertThat(List.of(count(signIns), count(sessions), count(checks), count(email, unclaimed.award().id())))
				.as("nothing is due yet").containsExactly(1, 1, 1, 1);

		ago("account_sign_in", "expires_at", Duration.ofDays(1).minusMinutes(5), "address", address);
		ago("account_session", "expires_at", Duration.ofDays(1).minusMinutes(5), "account_id", account);
		retention.purge();
		assertThat(List.of(count(signIns), count(sessions))).as("ended less than a day ago").containsExactly(1, 1);
		ago("account_sign_in", "expires_at", Duration.ofDays(1).plusMinutes(5), "address", address);
		ago("account_session", "expires_at", Duration.ofDays(1).plusMinutes(5), "account_id", account);
		retention.purge();
		assertThat(count(signIns)).as("sign-in link").isZero();
		assertThat(count(sessions)).as("session").isZero();
		assertThat(count(checks)).as("an unconfirmed address is kept for 30 days").isEqualTo(1);

		ago("account_address_check", "expires_at", Duration.ofDays(30).plusMinutes(5), "account_id", account);
		retention.purge();
		assertThat(count(checks)).as("unconfirmed address").isZero();

		ago("award", "awarded_at", Duration.ofDays(364), "id", unclaimed.award().id());
		retention.purge();
		assertThat(count(email, unclaimed.award().id())).as("an unclaimed award keeps its address for a year").isEqualTo(1);
		ago("award", "awarded_at", Duration.ofDays(366), "id", unclaimed.award().id());
		ago("award", "awarded_at", Duration.ofDays(366), "id", kept.award().id());
		retention.purge();
		Award forgotten = awards.find(unclaimed.award().id()).orElseThrow();
		assertThat(forgotten.recipientEmail()).as("unclaimed award's address").isNull();
		assertThat(forgotten.recipientName()).isNull();
		assertThat(forgotten.revoked()).as("the award stays, not revoked").isFalse();
		assertThat(count("select count(*) from claim_link where award_id=?", forgotten.id())).as("its claim link ends").isZero();
		assertThat(awards.awardByHand(unclaimed.badge().id(), "ret-un", "teacher:t", "again")).as("not awarded again").isEmpty();
		assertThat(count("select count(*) from award_log where award_id=? and action='UNCLAIMED_PURGED'", forgotten.id())).isEqualTo(1);
		assertThat(awards.find(kept.award().id()).orElseThrow().recipientEmail()).as("a claimed award keeps its address")
				.isEqualToIgnoringCase(kept.address());
		assertThat(count(email, recent.award().id())).as("a recent unclaimed award keeps its address").isEqualTo(1);
		assertThat(count("select count(*) from account_audit where action='RETENTION_PURGE' and awards=1")).isEqualTo(1);
	}
}
