package org.badgebridge.wallet.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.account.HeldAward;
import org.badgebridge.award.Awards;
import org.badgebridge.sharing.QrCodes;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * From a public, accepted badge's page in the backpack the holder asks for a credential offer: the page shows it as a
 * QR code and an {@code openid-credential-offer://} link, with the transaction code when the holder asked for one.
 * The code lives at most 10 minutes and works once; the page is not stored (the code is kept only as a hash).
 */
@Controller
class WalletOfferController {

	static final String PAGE = "/backpack/awards/{award}";

	private final WalletGrants grants;

	private final IssuerMetadata metadata;

	private final Awards awards;

	private final Notices notices;

	WalletOfferController(WalletGrants grants, IssuerMetadata metadata, Awards awards, Notices notices) {
		this.grants = grants;
		this.metadata = metadata;
		this.awards = awards;
		this.notices = notices;
	}

	@PostMapping(PAGE + "/wallet")
	String offer(HeldAward held, @RequestParam(name = "txCode", defaultValue = "false") boolean withTxCode, Model model,
			HttpServletResponse response) {
		boolean offerable = awards.find(held.awardId())
				.filter(a -> a.claimed() && !a.revoked() && !a.declined() && a.publicVisible()).isPresent();
		if (!offerable) {
			return notices.redirect(PAGE.replace("{award}", held.awardId()),
					Notice.error(notices.text("learning.wallet.notOfferable")));
		}
		WalletGrants.Offer offer = grants.offer(held.awardId(), withTxCode);
		String json = JSONObjectUtils.toJSONString(metadata.offer(offer.code(), offer.txCode() != null));
		String link = "openid-credential-offer://?credential_offer=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("link", link);
		model.addAttribute("qrCode", QrCodes.dataUri(link));
		model.addAttribute("txCode", offer.txCode());
		model.addAttribute("base", PAGE.replace("{award}", held.awardId()));
		return "wallet/offer";
	}
}
