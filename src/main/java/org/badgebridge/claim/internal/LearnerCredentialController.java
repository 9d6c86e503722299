package org.badgebridge.claim.internal;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.access.BadgeLearner;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.OpenBadges3;

/**
 * The learner's own credential from the course's badge panel: JSON with proof, VC-JWT and the baked PNG of their
 * claimed award (the {@link BadgeLearner} says who it is).
 */
@RestController
class LearnerCredentialController {

	private final Awards awards;

	private final OpenBadges3 ob3;

	private final CredentialDownloads downloads;

	LearnerCredentialController(Awards awards, OpenBadges3 ob3, CredentialDownloads downloads) {
		this.awards = awards;
		this.ob3 = ob3;
		this.downloads = downloads;
	}

	@GetMapping("/lti/learn/badges/{badge}/credential.json")
	ResponseEntity<String> json(BadgeLearner learner) {
		return credential(learner).map(downloads::json).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/lti/learn/badges/{badge}/credential.jwt")
	ResponseEntity<String> jwt(BadgeLearner learner) {
		return credential(learner).map(downloads::jwt).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/lti/learn/badges/{badge}/credential.png")
	ResponseEntity<byte[]> png(BadgeLearner learner) {
		return credential(learner).map(downloads::bakedPng).orElseGet(() -> ResponseEntity.notFound().build());
	}

	private Optional<OpenBadges3.Issued> credential(BadgeLearner learner) {
		Optional<Award> award = awards.forLearner(learner.badgeId(), learner.contextId(), learner.userSub())
				.filter(a -> a.claimed() && !a.revoked());
		try {
			return award.map(a -> ob3.issue(a.id()));
		}
		catch (OpenBadges3.NotIssuable ex) {
			return Optional.empty();
		}
	}
}
