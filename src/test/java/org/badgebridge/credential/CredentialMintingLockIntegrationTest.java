package org.badgebridge.credential;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The claim listener mints an award's credential in its transaction while the learner's claim page asks for the same
 * credential: the page's request waits on the listener's locks (the award's salt, the credential's key) longer than
 * the database lets a lock wait. It must then get the listener's credential, not an error page.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:mint-lock-${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300")
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class CredentialMintingLockIntegrationTest {

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aMintWaitingOnTheOthersLocksGetsTheirCredential() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("locked@example.edu");
		String awardId = made.award().id();
		await().atMost(Duration.ofSeconds(60)).until(() -> ob3.find(awardId).isPresent());
		// as if nothing was minted yet: no credential, no salt
		jdbc.sql("delete from ob3_credential where award_id=?").param(awardId).update();
		jdbc.sql("update award set recipient_salt=null where id=?").param(awardId).update();

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch minted = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<OpenBadges3.Issued> listener = pool.submit(() -> transactions.execute(tx -> {
				OpenBadges3.Issued issued = ob3.issue(awardId);
				minted.countDown();
				try {
					release.await(30, TimeUnit.SECONDS); // the transaction stays open well past the lock timeout
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return issued;
			}));
			assertThat(minted.await(30, TimeUnit.SECONDS)).isTrue();
			Future<OpenBadges3.Issued> page = pool.submit(() -> ob3.issue(awardId));
			Thread.sleep(1000); // hold the listener's locks for three lock timeouts before it commits
			release.countDown();
			OpenBadges3.Issued fromListener = listener.get(30, TimeUnit.SECONDS);
			OpenBadges3.Issued fromPage = page.get(30, TimeUnit.SECONDS);
			assertThat(fromPage.credentialId()).isEqualTo(fromListener.credentialId());
			assertThat(ob3.find(awardId).orElseThrow().credentialId()).isEqualTo(fromListener.credentialId());
		}
		finally {
			pool.shutdownNow();
		}
	}
}
