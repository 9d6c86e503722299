package org.badgebridge.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.badgebridge.account.BackpackHolder;
import org.badgebridge.web.PublicEndpoint;

/**
 * The link mailed to an address added to an account: a GET shows what it confirms, the POST confirms it, in a sign-in
 * of the account that asked (the link alone, clicked by the mailbox's owner, must not give the address to whoever added
 * it).
 */
@Controller
class AddressLinkController {

	static final String PATH = "/backpack/addresses/verify/{token}";

	private final AddressChecks checks;

	AddressLinkController(AddressChecks checks) {
		this.checks = checks;
	}

	@GetMapping(PATH)
	@PublicEndpoint("a capability URL: the token mailed to the added address (256 random bits, hashed, single use); "
			+ "it only shows what the link would confirm, confirming needs the asking account's sign-in")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		SignInController.noStore(response);
		return checks.address(token).map(address -> {
			model.addAttribute("address", address);
			model.addAttribute("token", token);
			return "account/address-link";
		}).orElseGet(() -> {
			response.setStatus(410);
			return "account/link-gone";
		});
	}

	@PostMapping(PATH)
	String verify(BackpackHolder holder, @PathVariable String token, Model model, HttpServletResponse response) {
		SignInController.noStore(response);
		AddressChecks.Outcome outcome = checks.verify(token, holder.accountId());
		if (outcome == AddressChecks.Outcome.UNKNOWN_LINK) {
			response.setStatus(410);
			return "account/link-gone";
		}
		if (outcome == AddressChecks.Outcome.OTHER_ACCOUNT) {
			response.setStatus(403);
		}
		model.addAttribute("outcome", outcome.name());
		return "account/address-done";
	}
}
