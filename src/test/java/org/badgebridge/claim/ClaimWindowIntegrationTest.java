package org.badgebridge.claim;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The claim window (issue "The learner's own place", claim window): reminders before a claim link ends, at the
 * configured days (14 and 3), once each, with a working link, never after claiming, and never after the learner switched
 * them off; an ended link explains itself and sends a new link to the same address on request.
 */
@SpringBootTest
@Import(LearnerCourse.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClaimWindowIntegrationTest {

	static final Pattern LINK = Pattern.compile("<a id=\"mail-(claim|stop)-link\" href=\"([^\"]+)\"");

	@Autowired
	LearnerCourse fixture;

	@Autowired
	ClaimWindow window;

	@Autowired
	Awards awards;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimMails mails;

	@Autowired
	org.badgebridge.award.AwardChoices choices;

	@BeforeEach
	void course() {
		fixture.open();
	}

	/** The award's claim mail was queued; its link's window now ends in {@code left}. */
	Award awardedWithWindowEndingIn(String sub, String locale, Duration left) {
		Award award = fixture.awarded(sub, locale);
		await().atMost(Duration.ofSeconds(30)).until(() -> outbox.exists("claim:" + award.id()));
		jdbc.sql("update claim_link set expires_at=?, created_at=? where award_id=?")
				.params(System.currentTimeMillis() + left.toMillis(), System.currentTimeMillis() - Duration.ofDays(60).toMillis(),
						award.id())
				.update();
		return award;
	}

	List<OutgoingMail> reminders(Award award) {
		return outbox.recent(1000).stream().filter(m -> m.dedupKey().startsWith("claim-reminder:" + award.id() + ":")).toList();
	}

	static String link(String html, String which) {
		Matcher m = LINK.matcher(html);
		while (m.find()) {
			if (m.group(1).equals(which)) {
				return HtmlUtils.htmlUnescape(m.group(2)).replace("http://localhost:8080", "");
			}
		}
		throw new AssertionError("no " + which + " link in " + html);
	}

	String page(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aReminderAtFourteenAndAtThreeDaysBeforeTheEndEachOnceWithALinkThatWorksBesideTheFirst() throws Exception {
		Award award = awardedWithWindowEndingIn("rem-sue", "en", Duration.ofDays(10));
		String first = page(link(outbox.recent(1000).stream().filter(m -> m.dedupKey().equals("claim:" + award.id())).findFirst()
				.orElseThrow().htmlBody(), "claim"));

		window.remindDue();
		window.remindDue();
		assertThat(reminders(award)).as("one reminder for the 14-day mark, however often the job runs").hasSize(1);
		OutgoingMail reminder = reminders(award).get(0);
		assertThat(reminder.subject()).isEqualTo("Your badge \"Data Literacy\" is waiting to be claimed");
		assertThat(reminder.secret()).as("it carries a claim link").isEqualTo(OutgoingMail.Secret.BODY);
		assertThat(reminder.htmlBody()).containsPattern("<html[^>]*\\slang=\"en\"");
		assertThat(HtmlUtils.htmlUnescape(reminder.textBody())).contains("have not claimed it yet", "Stop reminders about \"Data Literacy\"");
		assertThat(page(link(reminder.htmlBody(), "claim"))).as("the reminder's link opens the claim page").contains("id=\"accept\"");
		assertThat(first).contains("id=\"accept\"");

		jdbc.sql("update claim_link set expires_at=? where award_id=?")
				.params(System.currentTimeMillis() + Duration.ofDays(2).toMillis(), award.id()).update();
		window.remindDue();
		assertThat(reminders(award)).as("and one for the 3-day mark").hasSize(2);

		mvc.perform(post(link(reminder.htmlBody(), "claim")).with(csrf()));
		assertThat(awards.find(award.id()).orElseThrow().claimed()).isTrue();
		jdbc.sql("update claim_link set expires_at=? where award_id=?")
				.params(System.currentTimeMillis() + Duration.ofHours(20).toMillis(), award.id()).update();
		window.remindDue();
		assertThat(reminders(award)).as("nothing after claiming").hasSize(2);
	}

	@Test
	void aDutchLearnerIsRemindedInDutchAndALateCheckSendsOnlyTheNearestReminder() {
		Award award = awardedWithWindowEndingIn("rem-jan", "nl_NL", Duration.ofDays(2));
		window.remindDue();
		assertThat(reminders(award)).singleElement().satisfies(m -> {
			assertThat(m.dedupKey()).endsWith(":3");
			assertThat(m.subject()).isEqualTo("Je badge \"Data Literacy\" ligt nog klaar");
			assertThat(m.htmlBody()).containsPattern("<html[^>]*\\slang=\"nl\"");
			assertThat(HtmlUtils.htmlUnescape(m.textBody())).contains("nog niet geclaimd", "Geen herinneringen meer over");
		});
	}

	@Test
	void theLearnerSwitchesRemindersOffFromTheMailWithAButtonNotByTheLinkAlone() throws Exception {
		Award award = awardedWithWindowEndingIn("rem-piet", "en", Duration.ofDays(10));
		window.remindDue();
		String stop = link(reminders(award).get(0).htmlBody(), "stop");

		String asked = page(stop);
		assertThat(asked).contains("id=\"stop-reminders\"", "r***@example.nl");
		assertThat(window.remindersOff(award.id())).as("opening the link (a mail scanner does) changes nothing").isFalse();

		MockHttpServletResponse stopped = mvc.perform(post(stop).with(csrf())).andReturn().getResponse();
		assertThat(stopped.getStatus()).isEqualTo(302);
		assertThat(page(stopped.getRedirectedUrl())).contains("id=\"reminders-off\"", "gets no more reminders");

		jdbc.sql("update claim_link set expires_at=? where award_id=?")
				.params(System.currentTimeMillis() + Duration.ofDays(2).toMillis(), award.id()).update();
		window.remindDue();
		assertThat(reminders(award)).as("no 3-day reminder once they are off").hasSize(1);
	}

	@Test
	void aDeclinedBadgeGetsNoClaimMailAgainAndNoReminder() {
		Award award = awardedWithWindowEndingIn("rem-dec", "en", Duration.ofDays(2));
		choices.decline(award.id());
		assertThat(mails.resend(award.id())).as("'send again' sends nothing to a learner who declined").isFalse();
		window.remindDue();
		assertThat(reminders(award)).isEmpty();
	}

	@Test
	void anEndedLinkOffersANewOneToTheSameAddressAndTheNewLinkWorks() throws Exception {
		Award award = awardedWithWindowEndingIn("rem-ann", "en", Duration.ofDays(1));
		String old = link(outbox.recent(1000).stream().filter(m -> m.dedupKey().equals("claim:" + award.id())).findFirst()
				.orElseThrow().htmlBody(), "claim");
		jdbc.sql("update claim_link set expires_at=? where award_id=?").params(System.currentTimeMillis() - 1000, award.id()).update();

		MockHttpServletResponse ended = mvc.perform(get(old)).andReturn().getResponse();
		assertThat(ended.getStatus()).isEqualTo(410);
		assertThat(ended.getContentAsString()).contains("This claim link has expired.", "id=\"renew-button\"", "r***@example.nl")
				.doesNotContain("rem-ann@example.nl");

		MockHttpServletResponse renewed = mvc.perform(post(old + "/renew").with(csrf())).andReturn().getResponse();
		assertThat(renewed.getStatus()).isEqualTo(200);
		assertThat(renewed.getContentAsString()).contains("A new claim link is on its way to r***@example.nl");
		OutgoingMail mail = outbox.recent(1000).stream().filter(m -> m.dedupKey().equals("claim:" + award.id())).findFirst().orElseThrow();
		assertThat(mail.recipient()).isEqualTo("rem-ann@example.nl");
		assertThat(page(link(mail.htmlBody(), "claim"))).as("the new link works").contains("id=\"accept\"");

		MockHttpServletResponse again = mvc.perform(post(old + "/renew").with(csrf())).andReturn().getResponse();
		assertThat(again.getStatus()).as("the old link renews once: it was replaced").isEqualTo(409);
		assertThat(mvc.perform(get(old)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}
}
