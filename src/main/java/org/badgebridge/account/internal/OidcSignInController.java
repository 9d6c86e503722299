package org.badgebridge.account.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;
import org.badgebridge.web.PublicEndpoint;

/**
 * Signing in through a configured OpenID Connect provider: to the backpack (the same session as the mailed link) or,
 * when the ID token holds the configured admin claim, to the admin pages. The callback is the credential's check:
 * state bound to this browser, single use, code exchanged with the PKCE verifier, ID token validated.
 */
@Controller
@PublicEndpoint("OpenID Connect sign-in: starting it only redirects to a configured provider; the callback signs in "
		+ "only with a single-use state bound to this browser's cookie and an ID token the provider signed")
class OidcSignInController {

	static final String START = BackpackPrincipals.SIGN_IN + "/oidc/{provider}";

	static final String ADMIN_START = "/admin-sign-in/oidc/{provider}";

	static final String CALLBACK = BackpackPrincipals.SIGN_IN + "/oidc-callback";

	private static final Logger log = LoggerFactory.getLogger(OidcSignInController.class);

	private final OidcSettings settings;

	private final OidcRequests requests;

	private final OidcClient client;

	private final OidcIdentities identities;

	private final BackpackSessions sessions;

	private final AdminSessions admins;

	private final Notices notices;

	OidcSignInController(OidcSettings settings, OidcRequests requests, OidcClient client, OidcIdentities identities,
			BackpackSessions sessions, AdminSessions admins, Notices notices) {
		this.settings = settings;
		this.requests = requests;
		this.client = client;
		this.identities = identities;
		this.sessions = sessions;
		this.admins = admins;
		this.notices = notices;
	}

	@GetMapping(START)
	String start(@PathVariable String provider, HttpServletResponse response) {
		return begin(provider, "backpack", response);
	}

	@GetMapping(ADMIN_START)
	String adminStart(@PathVariable String provider, HttpServletResponse response) {
		if (!settings.adminSignIn()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return begin(provider, "admin", response);
	}

	private String begin(String id, String purpose, HttpServletResponse response) {
		OidcSettings.Provider provider = provider(id);
		OidcRequests.Started started = requests.start(id, purpose);
		SignInController.noStore(response);
		URI authorize;
		try {
			authorize = client.authorizationRequest(provider, callback(), started.state(), started.nonce(), started.verifier());
		}
		catch (OidcClient.OidcRefused ex) {
			log.warn("OpenID Connect provider {} cannot be reached: {}", id, ex.getMessage());
			return failed("learning.backpack.oidc.unavailable");
		}
		response.addHeader(HttpHeaders.SET_COOKIE, started.cookie().toString());
		return "redirect:" + authorize;
	}

	@GetMapping(CALLBACK)
	String callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
			@CookieValue(name = OidcRequests.COOKIE, required = false) String browser, HttpServletRequest request,
			HttpServletResponse response) {
		SignInController.noStore(response);
		response.addHeader(HttpHeaders.SET_COOKIE, OidcRequests.cleared().toString());
		OidcRequests.Pending pending = requests.take(state, browser).orElse(null);
		if (pending == null || code == null || !settings.providers().containsKey(pending.provider())) {
			return failed("learning.backpack.oidc.failed");
		}
		OidcSettings.Provider provider = settings.providers().get(pending.provider());
		OidcClient.Released released;
		try {
			released = client.exchange(provider, callback(), code, pending.nonce(), pending.verifier(), settings.adminClaim());
		}
		catch (OidcClient.OidcRefused ex) {
			log.warn("OpenID Connect sign-in through {} refused: {}", pending.provider(), ex.getMessage());
			return failed("learning.backpack.oidc.failed");
		}
		if ("admin".equals(pending.purpose())) {
			if (!settings.adminSignIn() || !released.adminClaimValues().contains(settings.adminValue())) {
				return failed("learning.backpack.oidc.notAdmin");
			}
			String name = released.email() != null ? released.email() : released.subject();
			response.addHeader(HttpHeaders.SET_COOKIE, admins.open(name, released.issuer(), released.subject(), request.getRemoteAddr()).toString());
			return "redirect:/admin";
		}
		OidcIdentities.SignedIn signedIn = identities.signedIn(pending.provider(), released);
		response.addHeader(HttpHeaders.SET_COOKIE, sessions.open(signedIn.accountId()).toString());
		return "redirect:/backpack";
	}

	/** Ends an admin's provider session (the backpack's own sign-out ends a learner's). */
	@PostMapping("/admin-sign-out")
	String adminSignOut(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, admins.close(request).toString());
		return "redirect:/";
	}

	private String failed(String key) {
		return notices.redirect(BackpackPrincipals.SIGN_IN, Notice.error(notices.text(key)));
	}

	private OidcSettings.Provider provider(String id) {
		OidcSettings.Provider provider = settings.providers().get(id);
		if (provider == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return provider;
	}

	private static URI callback() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK).build().toUri();
	}
}
