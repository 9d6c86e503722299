package org.badgebridge.credential;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The claim page and the {@code AwardClaimed} listener may mint the same award's credential at the same moment:
 * both get the one credential stored, neither fails.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class CredentialMintingRaceIntegrationTest {

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void twoConcurrentMintsOfOneAwardReturnTheSameCredential() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				CredentialFixtures.Made made = fixtures.claimedMicroCredential("race" + round + "@example.edu");
				String awardId = made.award().id();
				// the claim listener mints first; take its credential away so that both callers below race to mint
				await().atMost(Duration.ofSeconds(60)).until(() -> ob3.find(awardId).isPresent());
				jdbc.sql("delete from ob3_credential where award_id=?").param(awardId).update();

				CountDownLatch start = new CountDownLatch(1);
				List<Future<OpenBadges3.Issued>> results = new ArrayList<>();
				// the listener mints in a transaction of its own (as @ApplicationModuleListener does), the claim page without one
				results.add(pool.submit(() -> {
					start.await();
					return transactions.execute(tx -> ob3.issue(awardId));
				}));
				results.add(pool.submit(() -> {
					start.await();
					return ob3.issue(awardId);
				}));
				start.countDown();
				OpenBadges3.Issued first = results.get(0).get(60, TimeUnit.SECONDS);
				OpenBadges3.Issued second = results.get(1).get(60, TimeUnit.SECONDS);
				assertThat(second.credentialId()).as("round %d: one credential for both callers", round).isEqualTo(first.credentialId());
				assertThat(second.json()).isEqualTo(first.json());
				assertThat(ob3.find(awardId).orElseThrow().credentialId()).isEqualTo(first.credentialId());
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
