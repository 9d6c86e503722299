package org.badgebridge.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.account.BackpackHolder;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/** The backpack of the signed-in holder: their addresses, merge requests and awards; adding an address; signing out. */
@Controller
class BackpackController {

	static final String HOME = "/backpack";

	private final AccountBook book;

	private final BackpackView view;

	private final AddressChecks checks;

	private final Merges merges;

	private final BackpackSessions sessions;

	private final Notices notices;

	BackpackController(AccountBook book, BackpackView view, AddressChecks checks, Merges merges, BackpackSessions sessions,
			Notices notices) {
		this.book = book;
		this.view = view;
		this.checks = checks;
		this.merges = merges;
		this.sessions = sessions;
		this.notices = notices;
	}

	@GetMapping(HOME)
	String show(BackpackHolder holder, Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		var addresses = book.addresses(holder.accountId());
		model.addAttribute("addresses", addresses);
		model.addAttribute("institutions", view.institutions(addresses, book.claimedAwards(holder.accountId())));
		model.addAttribute("merges", merges.pending(holder.accountId()));
		model.addAttribute("account", holder.accountId());
		model.addAttribute("identities", book.identities(holder.accountId()).size());
		return "account/backpack";
	}

	@PostMapping(HOME + "/addresses")
	String addAddress(BackpackHolder holder, @RequestParam String address) {
		boolean sent = checks.start(holder.accountId(), address, LocaleContextHolder.getLocale());
		return notices.redirect(HOME, Notice.info(notices.text(sent ? "learning.backpack.address.sent" : "learning.backpack.address.already")));
	}

	@PostMapping(HOME + "/merges/{merge}/confirm")
	String confirmMerge(BackpackHolder holder, @PathVariable String merge) {
		Merges.Confirmed outcome = merges.confirm(merge, holder.accountId());
		if (outcome == Merges.Confirmed.NOT_YOURS) {
			return notices.redirect(HOME, Notice.error(notices.text("learning.backpack.merge.unknown")));
		}
		return notices.redirect(HOME, Notice.info(notices.text(outcome == Merges.Confirmed.MERGED ? "learning.backpack.merge.done"
				: "learning.backpack.merge.waiting")));
	}

	@PostMapping(HOME + "/sign-out")
	String signOut(BackpackHolder holder, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, sessions.close(holder).toString());
		return notices.redirect(BackpackPrincipals.SIGN_IN, Notice.info(notices.text("learning.backpack.signedOut")));
	}
}
