package org.badgebridge.verification.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import org.badgebridge.award.Awards;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.CredentialKeysRotated;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.platform.ToolKeysRotated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache of proof outcomes behind {@code /verify}: a hit gives the same verdict, the status is read on every hit
 * (a revocation after the first check shows), other bytes miss, it is bounded, and rotating keys empties it.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class ProofCacheIntegrationTest {

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	BadgeVerifier verifier;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	Awards awards;

	@Autowired
	ProofCache cache;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void empty() {
		cache.clear();
	}

	@Test
	void aHitGivesTheSameVerdictAndTheStatusIsReadEveryTime() {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("cache@example.edu");
		String json = ob3.issue(made.award().id()).json();

		BadgeVerifier.Report first = verifier.verifyText(json, null);
		assertThat(first.verdict()).as(first.toString()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(cache.size()).isEqualTo(1);
		BadgeVerifier.Report hit = verifier.verifyText(json, null);
		assertThat(hit.verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(hit.checks().stream().map(c -> c.ok() + " " + c.what() + ": " + c.detail()).toList())
				.isEqualTo(first.checks().stream().map(c -> c.ok() + " " + c.what() + ": " + c.detail()).toList());
		assertThat(cache.size()).isEqualTo(1);

		awards.suspend(made.award().id(), "teacher:3", "Appeal");
		assertThat(cache.size()).as("a suspension publishes nothing: the entry stays, and the status is read anyway").isEqualTo(1);
		assertThat(verifier.verifyText(json, null).verdict()).isEqualTo(BadgeVerifier.Verdict.SUSPENDED);
		awards.reinstate(made.award().id(), "teacher:3");
		assertThat(verifier.verifyText(json, null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);

		awards.revoke(made.award().id(), "teacher:3", "Plagiarism found");
		assertThat(verifier.verifyText(json, null).verdict()).isEqualTo(BadgeVerifier.Verdict.REVOKED);
	}

	@Test
	void tamperedBytesMissAndAreJudgedOnTheirOwn() {
		String json = ob3.issue(fixtures.claimedMicroCredential("tamper@example.edu").award().id()).json();
		assertThat(verifier.verifyText(json, null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);

		BadgeVerifier.Report tampered = verifier.verifyText(json.replace("\"Data Literacy\"", "\"Data Mastery\""), null);
		assertThat(tampered.verdict()).isEqualTo(BadgeVerifier.Verdict.INVALID);
		assertThat(tampered.summary()).contains("changed after it was signed");
		assertThat(cache.size()).as("the tampered copy is a second entry, not the genuine one's").isEqualTo(2);
		assertThat(verifier.verifyText(json.replace("\"Data Literacy\"", "\"Data Mastery\""), null).verdict())
				.isEqualTo(BadgeVerifier.Verdict.INVALID);
	}

	@Test
	void rotatingCredentialOrToolKeysEmptiesIt() {
		String json = ob3.issue(fixtures.claimedMicroCredential("rotate@example.edu").award().id()).json();
		verifier.verifyText(json, null);
		assertThat(cache.size()).isEqualTo(1);
		transactions.executeWithoutResult(tx -> events.publishEvent(new CredentialKeysRotated("k2", "admin")));
		assertThat(cache.size()).isZero();

		verifier.verifyText(json, null);
		assertThat(cache.size()).isEqualTo(1);
		transactions.executeWithoutResult(tx -> events.publishEvent(new ToolKeysRotated("t2", "schedule")));
		assertThat(cache.size()).isZero();
	}

	@Test
	void itIsBoundedAndKeepsFailuresAsTheyWere() throws Exception {
		ProofCache small = new ProofCache(2, Duration.ofMinutes(5));
		AtomicInteger checks = new AtomicInteger();
		ProofCache.ProofCheck failing = doc -> {
			checks.incrementAndGet();
			throw new DataIntegrity.ProofInvalid("no match");
		};
		JsonObject doc = DataIntegrity.parse("{}");
		for (int i = 0; i < 5; i++) {
			String bytes = "{\"n\":" + i + "}";
			assertThatThrownBy(() -> small.verify(bytes, doc, failing)).isInstanceOf(DataIntegrity.ProofInvalid.class).hasMessage("no match");
		}
		assertThat(small.size()).isLessThanOrEqualTo(2);
		assertThat(checks).hasValue(5);
		int before = checks.get();
		for (int i = 0; i < 5; i++) {
			String bytes = "{\"n\":" + i + "}";
			assertThatThrownBy(() -> small.verify(bytes, doc, failing)).hasMessage("no match");
		}
		assertThat(checks.get() - before).as("at most two of the five were answered from the cache").isGreaterThanOrEqualTo(3);

		ProofCache off = new ProofCache(0, Duration.ofMinutes(5));
		before = checks.get();
		off.verify("{}", doc, d -> checks.incrementAndGet());
		off.verify("{}", doc, d -> checks.incrementAndGet());
		assertThat(checks.get() - before).as("max-entries 0: every request is checked").isEqualTo(2);
		assertThat(off.size()).isZero();
	}
}
