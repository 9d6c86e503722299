package org.badgebridge.award;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener fails (the outbox table is unavailable), the application stops, the database recovers and the
 * application starts again: the event publication registry still holds the incomplete publication, the
 * clustered resubmission job delivers it, and exactly one claim mail is queued, however often it runs.
 */
class ListenerRestartIntegrationTest {

	static final Duration LIMIT = Duration.ofSeconds(90);

	static ConfigurableApplicationContext start(String db) {
		return new SpringApplicationBuilder(BadgeBridgeApplication.class).web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:" + db
						+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
						"--badgebridge.events.stale-after=2s", "--badgebridge.events.resubmit-interval=1s",
						"--badgebridge.mail.poll-interval=1h",
						// the restarted application is the same Quartz scheduler as the first (the test profile gives each context its own)
						"--spring.quartz.properties.org.quartz.scheduler.instanceName=" + db);
	}

	static int claimMails(JdbcClient jdbc, String awardId) {
		return jdbc.sql("select count(*) from mail_outbox where dedup_key=?").param("claim:" + awardId).query(Integer.class).single();
	}

	static int incomplete(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id like '%ClaimListeners%'")
				.query(Integer.class).single();
	}

	static long nextResubmission(JdbcClient jdbc) {
		return jdbc.sql("select next_fire_time from qrtz_triggers where trigger_name='event-resubmission'").query(Long.class).single();
	}

	@Test
	void incompletePublicationIsDeliveredOnceAfterARestart() throws Exception {
		String db = "restart-" + UUID.randomUUID();
		String awardId;
		try (ConfigurableApplicationContext first = start(db)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			Registration r = first.getBean(Registrations.class).create(new RegistrationValues("LMS", "https://lms.example.edu", "c",
					"moodle", "https://lms.example.edu/auth", "https://lms.example.edu/token", null, "https://lms.example.edu/jwks", null,
					List.of("1"), RegistrationState.ACTIVE), "test");
			long contextId = first.getBean(Courses.class).recordLaunch(new LaunchFacts(r.id(), "1", "2", "C", "Course", "5", "Sue",
					"sue@example.edu", "en", List.of("Learner"), CourseRole.LEARNER, "1", "Link", null, null, null, null, null))
					.contextId();
			jdbc.sql("update course_member set in_roster=true where context_id=?").param(contextId).update();
			BadgeClass badge = first.getBean(Badges.class).create("Restart badge", "", contextId, "3");

			jdbc.sql("alter table mail_outbox rename to mail_outbox_unavailable").update(); // the listener's table is gone
			awardId = first.getBean(Awards.class).awardByHand(badge.id(), "5", "teacher:3", "By hand").orElseThrow().id();
			// the listener ran and failed (and the resubmission job fails again): still incomplete
			await().atMost(LIMIT).until(() -> jdbc.sql("select count(*) from event_publication where listener_id like '%ClaimListeners%'"
					+ " and status='FAILED' and completion_attempts>=1").query(Integer.class).single() == 1);
			assertThat(incomplete(jdbc)).isEqualTo(1);
		} // the application stops with the publication incomplete

		try (ConfigurableApplicationContext second = start(db)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			jdbc.sql("alter table mail_outbox_unavailable rename to mail_outbox").update(); // the database recovered
			await().atMost(LIMIT).until(() -> incomplete(jdbc) == 0);
			assertThat(claimMails(jdbc, awardId)).isEqualTo(1);
			// more resubmission rounds (the job's next fire time moves on twice): nothing is queued twice
			long next = nextResubmission(jdbc);
			await().atMost(LIMIT).until(() -> nextResubmission(jdbc) >= next + 2000);
			assertThat(claimMails(jdbc, awardId)).isEqualTo(1);
		}
	}
}
