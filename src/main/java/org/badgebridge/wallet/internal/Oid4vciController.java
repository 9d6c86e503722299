package org.badgebridge.wallet.internal;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.web.PublicEndpoint;

/**
 * The OpenID4VCI 1.0 endpoints a wallet calls: the metadata, the token endpoint (pre-authorized code, anonymous), the
 * nonce endpoint and the credential endpoint (Bearer token and a {@code jwt} proof). Errors are JSON with the OAuth or
 * OpenID4VCI error code, never pages.
 */
@RestController
class Oid4vciController {

	private final IssuerMetadata metadata;

	private final WalletGrants grants;

	private final ProofOfPossession proofs;

	private final OpenBadges3 credentials;

	Oid4vciController(IssuerMetadata metadata, WalletGrants grants, ProofOfPossession proofs, OpenBadges3 credentials) {
		this.metadata = metadata;
		this.grants = grants;
		this.proofs = proofs;
		this.credentials = credentials;
	}

	@PublicEndpoint("OpenID4VCI issuer metadata: public by the specification, read by any wallet")
	@GetMapping(path = "/.well-known/openid-credential-issuer", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> issuerMetadata() {
		return metadata.issuerMetadata();
	}

	@PublicEndpoint("OAuth authorization server metadata (RFC 8414): public by the specification, read by any wallet")
	@GetMapping(path = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> authorizationServerMetadata() {
		return metadata.authorizationServerMetadata();
	}

	@PublicEndpoint("OpenID4VCI token endpoint: the pre-authorized code (and transaction code) is the wallet's credential")
	@PostMapping(path = IssuerMetadata.TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(name = "pre-authorized_code", required = false) String code,
			@RequestParam(name = "tx_code", required = false) String txCode) {
		if (grantType == null) {
			throw new WalletGrants.Refused("invalid_request", "grant_type is missing");
		}
		if (!IssuerMetadata.PRE_AUTHORIZED_GRANT.equals(grantType)) {
			return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only the pre-authorized code grant is supported");
		}
		String token = grants.redeem(code, txCode);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("access_token", token, "token_type", "Bearer",
				"expires_in", WalletGrants.TOKEN_LIFETIME.toSeconds()));
	}

	@PublicEndpoint("OpenID4VCI nonce endpoint: unauthenticated by the specification; a nonce grants nothing by itself")
	@PostMapping(IssuerMetadata.NONCE)
	ResponseEntity<Map<String, Object>> nonce() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("c_nonce", grants.nonce()));
	}

	@PublicEndpoint("OpenID4VCI credential endpoint: the Bearer access token from the token endpoint is the wallet's credential")
	@PostMapping(path = IssuerMetadata.CREDENTIAL, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> credential(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) Map<String, Object> request) {
		String awardId = authorization != null && authorization.startsWith("Bearer ")
				? grants.awardOf(authorization.substring(7).trim()).orElse(null) : null;
		if (awardId == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
					.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
					.body(Map.of("error", "invalid_token"));
		}
		String proof = CredentialRequests.proof(request);
		String holder = proofs.holder(proof, metadata.issuer());
		OpenBadges3.Issued issued;
		try {
			issued = credentials.issueBoundTo(awardId, holder);
		}
		catch (OpenBadges3.NotIssuable ex) {
			return error(HttpStatus.BAD_REQUEST, "credential_request_denied", ex.getMessage());
		}
		try {
			return ResponseEntity.ok().cacheControl(CacheControl.noStore())
					.body(Map.of("credentials", List.of(Map.of("credential", JSONObjectUtils.parse(issued.json())))));
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@ExceptionHandler(WalletGrants.Refused.class)
	ResponseEntity<Map<String, Object>> refusedGrant(WalletGrants.Refused ex) {
		return error(HttpStatus.BAD_REQUEST, ex.error, ex.getMessage());
	}

	@ExceptionHandler(ProofOfPossession.Refused.class)
	ResponseEntity<Map<String, Object>> refusedProof(ProofOfPossession.Refused ex) {
		return error(HttpStatus.BAD_REQUEST, ex.error, ex.getMessage());
	}

	@ExceptionHandler(CredentialRequests.Refused.class)
	ResponseEntity<Map<String, Object>> refusedRequest(CredentialRequests.Refused ex) {
		return error(HttpStatus.BAD_REQUEST, ex.error, ex.getMessage());
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("error", error, "error_description", description));
	}
}
