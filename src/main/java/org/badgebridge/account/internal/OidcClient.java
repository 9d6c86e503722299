package org.badgebridge.account.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.springframework.stereotype.Component;

/**
 * The relying party's side of the authorization code flow with PKCE (S256), on the Nimbus OAuth 2.0 / OIDC SDK:
 * the provider's metadata by discovery (kept once found), the authorization request, the code exchanged for tokens
 * (client secret basic) and the ID token validated (signature by the provider's JWKS, issuer, audience, expiry, nonce).
 */
@Component
class OidcClient {

	/** What a validated ID token says about its holder. */
	record Released(String issuer, String subject, String email, boolean emailVerified, String institution, String givenName,
			String familyName, List<String> adminClaimValues) {
	}

	/** Connect and read timeout towards a provider (discovery, token endpoint). */
	private static final int TIMEOUT_MS = 5000;

	private final Map<String, OIDCProviderMetadata> metadata = new ConcurrentHashMap<>();

	URI authorizationRequest(OidcSettings.Provider provider, URI redirect, String state, String nonce, String verifier) {
		return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(provider.scopes().toArray(String[]::new)),
				new ClientID(provider.clientId()), redirect).endpointURI(metadata(provider).getAuthorizationEndpointURI())
				.state(new State(state)).nonce(new Nonce(nonce))
				.codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256).build().toURI();
	}

	/** Exchanges the code and validates the ID token; throws {@link OidcRefused} when anything does not hold. */
	Released exchange(OidcSettings.Provider provider, URI redirect, String code, String nonce, String verifier, String adminClaim) {
		OIDCProviderMetadata meta = metadata(provider);
		try {
			TokenRequest request = new TokenRequest(meta.getTokenEndpointURI(),
					new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
					new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, new CodeVerifier(verifier)));
			com.nimbusds.oauth2.sdk.http.HTTPRequest http = request.toHTTPRequest();
			http.setConnectTimeout(TIMEOUT_MS);
			http.setReadTimeout(TIMEOUT_MS);
			TokenResponse response = OIDCTokenResponseParser.parse(http.send());
			if (!response.indicatesSuccess()) {
				throw new OidcRefused("token endpoint: " + response.toErrorResponse().getErrorObject().getCode());
			}
			OIDCTokens tokens = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
			JWT idToken = tokens.getIDToken();
			IDTokenValidator validator = new IDTokenValidator(meta.getIssuer(), new ClientID(provider.clientId()), JWSAlgorithm.RS256,
					meta.getJWKSetURI().toURL(), new com.nimbusds.jose.util.DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS));
			IDTokenClaimsSet claims = validator.validate(idToken, new Nonce(nonce));
			Boolean verified = claims.getBooleanClaim("email_verified");
			return new Released(claims.getIssuer().getValue(), claims.getSubject().getValue(), claims.getStringClaim("email"),
					Boolean.TRUE.equals(verified), claims.getStringClaim("schac_home_organization"), claims.getStringClaim("given_name"),
					claims.getStringClaim("family_name"), adminClaim == null ? List.of() : values(claims.toJSONObject().get(adminClaim)));
		}
		catch (IOException | ParseException | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException ex) {
			throw new OidcRefused(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private static List<String> values(Object claim) {
		if (claim instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return claim == null ? List.of() : List.of(String.valueOf(claim));
	}

	private OIDCProviderMetadata metadata(OidcSettings.Provider provider) {
		return metadata.computeIfAbsent(provider.issuer(), issuer -> {
			try {
				return OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MS, TIMEOUT_MS);
			}
			catch (IOException | com.nimbusds.oauth2.sdk.GeneralException ex) {
				throw new OidcRefused("discovery of " + issuer + ": " + ex.getMessage());
			}
		});
	}

	/** The provider or its answer cannot be used: the sign-in fails. */
	static final class OidcRefused extends RuntimeException {

		OidcRefused(String message) {
			super(message);
		}
	}
}
