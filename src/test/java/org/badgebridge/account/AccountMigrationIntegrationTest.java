package org.badgebridge.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by the schema before accounts, with claimed and unclaimed awards: starting the application on it
 * (migration V31) makes one account per claimed address (compared without case; the course's address where the
 * award kept none), holding that address verified at its first claim, and none for an award nobody claimed.
 */
@SpringBootTest
@ActiveProfiles("test")
class AccountMigrationIntegrationTest {

	static final String URL = "jdbc:h2:mem:before-accounts-" + UUID.randomUUID()
			+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

	/** The schema this change starts from (the last version before V31). */
	static final String TODAY = "26";

	static final String SUE_FIRST = UUID.randomUUID().toString();

	static final String SUE_SECOND = UUID.randomUUID().toString();

	@DynamicPropertySource
	static void databaseFromBefore(DynamicPropertyRegistry registry) throws Exception {
		Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
				.javaMigrations(new V25__Encrypt_tool_keys()).target(TODAY).load().migrate();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(URL, "sa", ""));
		jdbc.sql("""
				insert into course_context (id, registration_id, deployment_id, lms_context_id, title, last_launch_at, created_at)
				values (7, 1, '1', 'course-1', 'Course 1', 1, 1)""").update();
		jdbc.sql("insert into course_member (context_id, user_sub, name, email, role) values (7, 'tom', 'Tom', 'Tom@Example.edu', 'LEARNER')")
				.update();
		award(jdbc, SUE_FIRST, "b1", "sue", "sue@example.edu", 1_000L);
		award(jdbc, SUE_SECOND, "b2", "sue", "SUE@example.edu ", 2_000L);
		award(jdbc, UUID.randomUUID().toString(), "b1", "tom", null, 3_000L);
		award(jdbc, UUID.randomUUID().toString(), "b1", "una", "una@example.edu", null);
		registry.add("spring.datasource.url", () -> URL);
	}

	/** Stands in for the Java migration V25 (a bean of the application) on this database, which has no tool keys to encrypt. */
	static final class V25__Encrypt_tool_keys extends org.flywaydb.core.api.migration.BaseJavaMigration {
		@Override
		public void migrate(org.flywaydb.core.api.migration.Context context) {
		}
	}

	static void award(JdbcClient jdbc, String id, String badge, String sub, String email, Long claimedAt) {
		jdbc.sql("""
				insert into award (id, badge_id, context_id, user_sub, recipient_email, awarded_at, awarded_by, claimed_at)
				values (?,?,7,?,?,1,'rules',?)""").params(id, badge, sub, email, claimedAt).update();
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyClaimedAddressBecomesAnAccountOfItsOwn() {
		List<Map<String, Object>> addresses = jdbc.sql("select address, account_id, verified_at from account_address order by address")
				.query().listOfRows();
		assertThat(addresses).extracting(r -> r.get("address")).containsExactly("sue@example.edu", "tom@example.edu");
		assertThat(addresses.get(0)).containsEntry("account_id", SUE_FIRST.compareTo(SUE_SECOND) < 0 ? SUE_FIRST : SUE_SECOND).containsEntry("verified_at", 1_000L);
		assertThat(addresses.get(1)).containsEntry("verified_at", 3_000L);
		assertThat(jdbc.sql("select count(*) from account where merged_into is null").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from account_address where address like 'una%'").query(Integer.class).single())
				.as("an unclaimed award proved nothing").isZero();
		assertThat(jdbc.sql("select award_id from account_award where account_id=?").param(addresses.get(0).get("account_id"))
				.query(String.class).list()).as("both of Sue's claimed awards are in her account").containsExactlyInAnyOrder(SUE_FIRST, SUE_SECOND);
		assertThat(jdbc.sql("select count(*) from account_award").query(Integer.class).single()).isEqualTo(3);
	}
}
