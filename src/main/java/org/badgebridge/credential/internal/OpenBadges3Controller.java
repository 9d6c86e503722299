package org.badgebridge.credential.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.CredentialKeys;
import org.badgebridge.credential.CredentialSettings;
import org.badgebridge.credential.DidDocuments;
import org.badgebridge.credential.JsonLdContexts;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.credential.StatusLists;
import org.badgebridge.web.PublicEndpoint;

/**
 * Machine endpoints of Open Badges 3.0: the status lists, the keys (JWKS, single JWKs, the did:web document),
 * our JSON-LD context, and the credentials of public awards (JSON with its proof, VC-JWT, baked PNG). Private
 * awards' credentials are only handed to the learner (claim page); everything here is public, so CORS is open.
 */
@RestController
@PublicEndpoint("machine endpoints of public credentials (status lists, keys, DID document, context); private awards reveal no learner")
class OpenBadges3Controller {

	static final String VC = "application/vc";

	private final OpenBadges3 ob3;

	private final Awards awards;

	private final StatusLists statusLists;

	private final CredentialKeys keys;

	private final DidDocuments dids;

	private final JsonLdContexts contexts;

	private final CredentialDownloads downloads;

	private final CredentialSettings settings;

	OpenBadges3Controller(OpenBadges3 ob3, Awards awards, StatusLists statusLists, CredentialKeys keys, DidDocuments dids,
			JsonLdContexts contexts, CredentialDownloads downloads, CredentialSettings settings) {
		this.settings = settings;
		this.ob3 = ob3;
		this.awards = awards;
		this.statusLists = statusLists;
		this.keys = keys;
		this.dids = dids;
		this.contexts = contexts;
		this.downloads = downloads;
	}

	@GetMapping("/ob3/status/{purpose}/{list}")
	ResponseEntity<String> statusList(@PathVariable String purpose, @PathVariable int list) {
		return statusLists.credential(purpose, list)
				.map(json -> machine("application/ld+json").header(HttpHeaders.CACHE_CONTROL, "max-age=60").body(json))
				.orElseGet(OpenBadges3Controller::notFound);
	}

	/** The VC-JWT keys, each with the {@code kid} our JWT headers carry (a did:web DID URL or this key's URL). */
	@GetMapping("/ob3/keys")
	ResponseEntity<String> jwks() {
		keys.rsa();
		return machine("application/jwk-set+json").body(keys.rsaJwks(settings::jwtKeyId).toString(true));
	}

	@GetMapping("/ob3/keys/{kid}")
	ResponseEntity<String> jwk(@PathVariable String kid) {
		return keys.publicKey(kid).filter(k -> k.jwk() != null)
				.map(k -> machine("application/jwk+json").body(CredentialKeys.withKeyId(k.jwk(), settings.jwtKeyId(kid)).toJSONString()))
				.orElseGet(OpenBadges3Controller::notFound);
	}

	@GetMapping("/.well-known/did.json")
	ResponseEntity<String> did() {
		return dids.didWeb().map(d -> machine("application/did+json").body(JSONObjectUtils.toJSONString(d)))
				.orElseGet(OpenBadges3Controller::notFound);
	}

	@GetMapping(CredentialSettings.CONTEXT_PATH)
	ResponseEntity<String> context() {
		return machine("application/ld+json").header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
				.body(contexts.microCredentialContext());
	}

	@GetMapping("/ob3/credentials/{awardId}")
	ResponseEntity<String> credential(@PathVariable String awardId) {
		return publicCredential(awardId, c -> machine(VC).body(c.json()), s -> s);
	}

	@GetMapping("/ob3/credentials/{awardId}/jwt")
	ResponseEntity<String> jwt(@PathVariable String awardId) {
		return publicCredential(awardId, c -> machine("application/vc+jwt").body(c.jwt()), s -> s);
	}

	@GetMapping("/ob3/credentials/{awardId}/baked.png")
	ResponseEntity<byte[]> baked(@PathVariable String awardId) {
		return publicCredential(awardId, downloads::bakedPng,
				s -> ResponseEntity.status(s.getStatusCode()).headers(s.getHeaders()).body(s.getBody().getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The credential of a public award; otherwise an answer that says why (docs/sharing.md): 404 only when no such
	 * award (or no credential yet) exists, 403 while the holder keeps it private (it names them), 410 once the holder
	 * deleted it. Its status (valid, revoked, suspended) is in the status lists and on {@code /verify/{award}} in
	 * every case.
	 */
	private <T> ResponseEntity<T> publicCredential(String awardId, Function<OpenBadges3.Issued, ResponseEntity<T>> found,
			Function<ResponseEntity<String>, ResponseEntity<T>> refused) {
		Optional<Award> award = awards.find(awardId);
		if (award.isEmpty()) {
			return refused.apply(notFound());
		}
		if (award.get().erased()) {
			return refused.apply(text(410, "Gone: this badge was deleted by its holder."));
		}
		if (!award.get().publicVisible()) {
			return refused.apply(text(403, "Private: the holder has not made this credential public. Its status: /verify/" + awardId));
		}
		return ob3.find(awardId).map(found).orElseGet(() -> refused.apply(notFound()));
	}

	private static ResponseEntity<String> text(int status, String body) {
		return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
				.header("Access-Control-Allow-Origin", "*").header("X-Content-Type-Options", "nosniff").body(body);
	}

	private static ResponseEntity.BodyBuilder machine(String contentType) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType).header("Access-Control-Allow-Origin", "*")
				.header("X-Content-Type-Options", "nosniff");
	}

	private static ResponseEntity<String> notFound() {
		return ResponseEntity.status(404).header(HttpHeaders.CONTENT_TYPE, "text/plain").body("Not found");
	}
}
