package org.badgebridge.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issuing from several threads at once gives credentials whose proofs verify (Data Integrity and VC-JWT), each with
 * its own status index; the cached canonical form of the proof options is exactly what canonicalising them in full
 * gives, for any time, key and context.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class ConcurrentIssuingIntegrationTest {

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	DataIntegrity integrity;

	@Autowired
	JsonLdContexts contexts;

	@Autowired
	CredentialKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void credentialsIssuedFromSeveralThreadsAtOnceAllVerify() throws Exception {
		List<String> awards = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			awards.add(fixtures.claimedMicroCredential("parallel" + i + "@example.edu").award().id());
		}
		// the claim listeners mint first; take their credentials away so that the threads below mint them all at once
		await().atMost(Duration.ofSeconds(60)).until(() -> awards.stream().allMatch(id -> ob3.find(id).isPresent()));
		for (String id : awards) {
			jdbc.sql("delete from ob3_credential where award_id=?").param(id).update();
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<OpenBadges3.Issued>> issued = new ArrayList<>();
		try {
			for (String id : awards) {
				issued.add(pool.submit(() -> {
					start.await();
					return ob3.issue(id);
				}));
			}
			start.countDown();
			Set<Integer> indexes = new HashSet<>();
			for (Future<OpenBadges3.Issued> future : issued) {
				OpenBadges3.Issued credential = future.get(120, TimeUnit.SECONDS);
				integrity.verify(DataIntegrity.parse(credential.json())); // throws when the proof does not verify
				assertThat(SignedJWT.parse(credential.jwt()).verify(new RSASSAVerifier(keys.rsa().toRSAPublicKey()))).isTrue();
				indexes.add(credential.statusIndex());
			}
			assertThat(indexes).as("a status index each").hasSize(awards.size());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theCachedCanonicalFormOfProofOptionsIsTheFullOne() throws Exception {
		CanonicalProofOptions cached = new CanonicalProofOptions(contexts);
		String document = ob3.issue(fixtures.claimedMicroCredential("options@example.edu").award().id()).json();
		JsonObject context = Json.createObjectBuilder().add("@context", DataIntegrity.parse(document).get("@context")).build();
		JsonObject vc2Only = Json.createObjectBuilder().add("@context", Json.createArrayBuilder().add(JsonLdContexts.VC2_CONTEXT)).build();
		for (JsonObject withContext : List.of(context, vc2Only)) {
			for (String method : List.of("did:web:example.edu#key-1", "did:key:z6Mkabc#z6Mkabc")) {
				for (Instant created : List.of(Instant.parse("2026-12-01T05:00:00Z"), Instant.parse("1999-01-31T23:59:59Z"),
						Instant.parse("2026-12-01T05:00:01Z"))) {
					JsonObject options = Json.createObjectBuilder(withContext).add("type", "DataIntegrityProof")
							.add("cryptosuite", DataIntegrity.CRYPTOSUITE).add("created", created.toString())
							.add("verificationMethod", method).add("proofPurpose", "assertionMethod").build();
					assertThat(cached.of(options)).isEqualTo(CanonicalForm.of(options, contexts));
				}
			}
		}
		JsonObject millis = Json.createObjectBuilder(context).add("type", "DataIntegrityProof").add("created", "2026-12-01T05:00:00.5Z")
				.add("proofPurpose", "assertionMethod").build();
		assertThat(cached.of(millis)).as("another form of created: canonicalised in full").isEqualTo(CanonicalForm.of(millis, contexts));
	}
}
