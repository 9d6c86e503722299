package org.badgebridge.account.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import org.badgebridge.access.CourseMember;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/** "Link to my backpack", from the learner panel in the LMS: the launch's identity joins the account once confirmed. */
@Controller
class LmsLinkController {

	static final String PATH = "/lti/account/link";

	private final LmsLinks links;

	private final AccountBook book;

	private final Notices notices;

	LmsLinkController(LmsLinks links, AccountBook book, Notices notices) {
		this.links = links;
		this.book = book;
		this.notices = notices;
	}

	@GetMapping(PATH)
	String show(CourseMember member, Model model) {
		LmsLinks.Standing standing = links.standing(member);
		model.addAttribute("linked", standing.linkedTo().isPresent());
		// masked: the candidate account is found through the LMS's address for this person, which the LMS alone vouches for
		model.addAttribute("addresses", standing.linkedTo().or(standing::candidate).map(book::addresses).orElse(java.util.List.of())
				.stream().map(LmsLinkController::masked).toList());
		model.addAttribute("canLink", standing.linkedTo().isEmpty() && standing.candidate().isPresent());
		return "account/lms-link";
	}

	/** {@code s***@example.nl}: enough to recognise one's own address, not to learn someone else's. */
	static String masked(String address) {
		int at = address.indexOf('@');
		return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
	}

	@PostMapping(PATH)
	String link(CourseMember member) {
		boolean linked = links.link(member);
		return notices.redirect(PATH, linked ? Notice.info(notices.text("learning.backpack.lms.linked"))
				: Notice.error(notices.text("learning.backpack.lms.notLinked")));
	}
}
