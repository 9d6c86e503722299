package org.badgebridge.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's account events reach the audit trail through the account's own calls, each in its transaction: created,
 * an address added (link mailed) and confirmed, a merge requested and done, a sign-in, a data export, the deletion
 * (counts only, as {@code account_audit} keeps them too) and a retention purge. No row holds an email address.
 */
@SpringBootTest
@ActiveProfiles("test")
class AccountAuditTrailIntegrationTest {

	@Autowired
	AccountBook book;

	@Autowired
	AddressChecks addressChecks;

	@Autowired
	Merges merges;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	PrivacyExport export;

	@Autowired
	AccountDeletion deletion;

	@Autowired
	Retention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachAccountEventIsRecordedForTheAccountWithoutAnyAddress() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String account = book.accountFor("first-" + tag + "@example.org");
		addressChecks.start(account, "second-" + tag + "@example.org", Locale.ENGLISH);
		book.addAddress(account, "third-" + tag + "@example.org");
		String other = book.accountFor("other-" + tag + "@example.org");
		merges.request(account, other, "other-" + tag + "@example.org");
		String request = merges.pending(account).get(0).id();
		merges.confirm(request, account);
		merges.confirm(request, other);
		String token = Secrets.token();
		jdbc.sql("insert into account_sign_in (token_hash, address, expires_at) values (?,?,?)")
				.params(Secrets.hash(token), "first-" + tag + "@example.org", System.currentTimeMillis() + 60_000).update();
		assertThat(signInLinks.use(token)).contains(account);
		export.export(account, Instant.now());

		List<Map<String, Object>> rows = jdbc.sql("select * from audit_event where person=? order by id").param("account:" + account)
				.query().listOfRows();
		assertThat(rows).extracting(r -> r.get("ACTION")).containsExactly("ACCOUNT_CREATED", "ACCOUNT_ADDRESS_ADDED",
				"ACCOUNT_ADDRESS_CONFIRMED", "ACCOUNT_MERGE_REQUESTED", "ACCOUNT_MERGED", "ACCOUNT_SIGNED_IN", "ACCOUNT_DATA_EXPORTED");
		assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("ACTOR_KIND", "LEARNER"));
		assertThat(rows).allSatisfy(r -> assertThat(r.values().toString()).doesNotContain("@"));

		int audited = jdbc.sql("select count(*) from account_audit where action='ACCOUNT_DELETED'").query(Integer.class).single();
		long before = lastId();
		deletion.delete(account);
		assertThat(jdbc.sql("select count(*) from account_audit where action='ACCOUNT_DELETED'").query(Integer.class).single())
				.as("account_audit keeps its counts").isEqualTo(audited + 1);
		Map<String, Object> deleted = jdbc.sql("select * from audit_event where id>? and action='ACCOUNT_DELETED'").param(before)
				.query().singleRow();
		assertThat(deleted.get("PERSON")).as("no reference to the deleted account").isNull();
		assertThat(deleted.get("DETAIL").toString()).contains("addresses 3", "sessions 0"); // its two and the merged account's one
	}

	@Test
	void aRetentionPurgeIsRecordedAsTheSystems() {
		jdbc.sql("insert into account_sign_in (token_hash, address, expires_at) values (?,?,?)")
				.params(Secrets.hash(Secrets.token()), "gone@example.org", 1L).update();
		long before = lastId();
		retention.purge();
		Map<String, Object> row = jdbc.sql("select * from audit_event where id>? and action='ACCOUNT_RETENTION_PURGE'").param(before)
				.query().singleRow();
		assertThat(row).containsEntry("ACTOR_KIND", "SYSTEM");
		assertThat(row.get("DETAIL").toString()).contains("links ");
	}

	private long lastId() {
		return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
	}
}
