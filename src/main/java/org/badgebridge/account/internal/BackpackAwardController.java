package org.badgebridge.account.internal;

import java.net.URI;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.account.HeldAward;
import org.badgebridge.award.AwardChoices;
import org.badgebridge.claim.Claims;
import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * One award in the holder's backpack: the badge with its state, accepting or declining it, the choice to be named in
 * the credential, and the credential's files (baked PNG and SVG, OB 3.0 JSON, VC-JWT), which need this sign-in.
 */
@Controller
class BackpackAwardController {

	static final String PAGE = "/backpack/awards/{award}";

	private final BackpackAwardView view;

	private final Claims claims;

	private final AwardChoices choices;

	private final NameChoices names;

	private final OpenBadges3 ob3;

	private final CredentialDownloads downloads;

	private final Notices notices;

	BackpackAwardController(BackpackAwardView view, Claims claims, AwardChoices choices, NameChoices names, OpenBadges3 ob3,
			CredentialDownloads downloads, Notices notices) {
		this.view = view;
		this.claims = claims;
		this.choices = choices;
		this.names = names;
		this.ob3 = ob3;
		this.downloads = downloads;
		this.notices = notices;
	}

	@GetMapping(PAGE)
	String show(HeldAward held, Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		view.fill(held.awardId(), model);
		return "account/award";
	}

	@PostMapping(PAGE + "/accept")
	String accept(HeldAward held) {
		if (view.award(held.awardId()).revoked()) {
			return back(held, Notice.error(notices.text("learning.backpack.award.revokedNoAccept")));
		}
		claims.claim(held.awardId());
		return back(held, Notice.info(notices.text("learning.backpack.award.accepted")));
	}

	@PostMapping(PAGE + "/decline")
	String decline(HeldAward held) {
		boolean declined = choices.decline(held.awardId()) == AwardChoices.Declined.DECLINED;
		return back(held, declined ? Notice.info(notices.text("learning.backpack.award.declinedNow"))
				: Notice.error(notices.text("learning.backpack.award.notDeclinable")));
	}

	/** The name in the credential: ticked, the next download names the learner; unticked, it identifies them by address. */
	@PostMapping(PAGE + "/name")
	String name(HeldAward held, @RequestParam(name = "show", defaultValue = "false") boolean show) {
		if (names.choose(held.awardId(), show) && ob3.exists(held.awardId())) {
			try {
				ob3.reissue(held.awardId());
			}
			catch (OpenBadges3.NotIssuable ex) {
				// the stored credential stays; the page says why no file can be had
			}
		}
		return back(held, Notice.info(notices.text(show ? "learning.backpack.award.nameShown" : "learning.backpack.award.nameHidden")));
	}

	@GetMapping(PAGE + "/credential.json")
	ResponseEntity<?> json(HeldAward held) {
		return file(held, downloads::json);
	}

	@GetMapping(PAGE + "/credential.jwt")
	ResponseEntity<?> jwt(HeldAward held) {
		return file(held, downloads::jwt);
	}

	@GetMapping(PAGE + "/credential.png")
	ResponseEntity<?> png(HeldAward held) {
		return file(held, downloads::bakedPng);
	}

	@GetMapping(PAGE + "/credential.svg")
	ResponseEntity<?> svg(HeldAward held) {
		return file(held, downloads::bakedSvg);
	}

	/** The file, or back to the page saying why there is none (not accepted, declined, revoked, EU elements missing). */
	private ResponseEntity<?> file(HeldAward held, Function<OpenBadges3.Issued, ResponseEntity<?>> as) {
		try {
			ResponseEntity<?> file = as.apply(ob3.issue(held.awardId()));
			return ResponseEntity.status(file.getStatusCode()).headers(file.getHeaders()).header("Cache-Control", "no-store").body(file.getBody());
		}
		catch (OpenBadges3.NotIssuable ex) {
			String url = notices.url(page(held), Notice.error(notices.text("learning.claim.credential-problem", ex.getMessage())));
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(url)).build();
		}
	}

	private String back(HeldAward held, Notice notice) {
		return notices.redirect(page(held), notice);
	}

	private static String page(HeldAward held) {
		return PAGE.replace("{award}", held.awardId());
	}
}
