package org.badgebridge.launch.internal;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.launch.ToolSession;

/**
 * The learner's own credential from the course's badge panel (after a launch, so the tool session says who it
 * is): JSON with proof, VC-JWT and the baked PNG of their claimed award.
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

	@GetMapping("/lti/badges/{id}/credential.json")
	ResponseEntity<String> json(@PathVariable String id, ToolSession session) {
		return credential(id, session).map(downloads::json).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/lti/badges/{id}/credential.jwt")
	ResponseEntity<String> jwt(@PathVariable String id, ToolSession session) {
		return credential(id, session).map(downloads::jwt).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/lti/badges/{id}/credential.png")
	ResponseEntity<byte[]> png(@PathVariable String id, ToolSession session) {
		return credential(id, session).map(downloads::bakedPng).orElseGet(() -> ResponseEntity.notFound().build());
	}

	private Optional<OpenBadges3.Issued> credential(String badgeId, ToolSession session) {
		Optional<Award> award = awards.forLearner(badgeId, session.contextId(), session.userSub())
				.filter(a -> a.claimed() && !a.revoked());
		try {
			return award.map(a -> ob3.issue(a.id()));
		}
		catch (OpenBadges3.NotIssuable ex) {
			return Optional.empty();
		}
	}
}
