package org.badgebridge.sharing;

import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.credential.OpenBadges2;
import org.badgebridge.platform.ToolUrls;

/**
 * What a holder does with an award's visibility: make it public (it gets its share link, the same one it had if it
 * was public before), private (the link then explains that), or regenerate the link; and what the controls show
 * (the backpack and the claim page call this, both through the fragment {@code sharing/controls}).
 */
@Service
public class Sharing {

	/**
	 * The controls of one award: public or not; while public its share link, LinkedIn's "Add to profile" link and the
	 * QR code of the share link (a {@code data:} URI); none of them while private.
	 */
	public record Controls(String awardId, boolean shared, String shareUrl, String linkedInUrl, String qrCode) {
	}

	private final Awards awards;

	private final Badges badges;

	private final ShareLinks links;

	private final ToolUrls urls;

	Sharing(Awards awards, Badges badges, ShareLinks links, ToolUrls urls) {
		this.awards = awards;
		this.badges = badges;
		this.links = links;
		this.urls = urls;
	}

	/** Public (with its share link) or private; a revoked award stays as it is. */
	@Transactional
	public void setPublic(String awardId, boolean visible) {
		Award award = awards.find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (award.revoked()) {
			throw new IllegalStateException("A revoked award is not shared.");
		}
		awards.setPublic(awardId, visible);
		if (visible) {
			links.ensure(awardId);
		}
	}

	/** A new share link for a public award; the old one answers "no longer shared" from now on. */
	@Transactional
	public String regenerate(String awardId) {
		Award award = awards.find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (!award.publicVisible() || award.revoked()) {
			throw new IllegalStateException("Only a public award has a share link.");
		}
		return shareUrl(links.regenerate(awardId));
	}

	public Controls controls(Award award) {
		if (!award.publicVisible() || award.revoked()) {
			return new Controls(award.id(), false, null, null, null);
		}
		String shareUrl = shareUrl(links.ensure(award.id()));
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		return new Controls(award.id(), true, shareUrl, linkedIn(award, badge, shareUrl).url(), QrCodes.dataUri(shareUrl));
	}

	/** LinkedIn's "Add to profile" for the award, pointing at its share link; months in the issuer's time zone. */
	public LinkedInAddToProfile linkedIn(Award award, BadgeClass badge, String shareUrl) {
		IssuerProfile issuer = badges.issuer(badge);
		ZoneId zone = issuer.zone();
		YearMonth expires = OpenBadges2.expires(award, badge).map(e -> YearMonth.from(e.atZone(zone))).orElse(null);
		return new LinkedInAddToProfile(badge.name(), issuer.linkedInOrganizationId(), issuer.name(),
				YearMonth.from(award.awardedAt().atZone(zone)), expires, shareUrl, award.id());
	}

	public String shareUrl(String token) {
		return urls.absolute("/s/" + token);
	}
}
