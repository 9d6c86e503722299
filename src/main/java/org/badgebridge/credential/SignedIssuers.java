package org.badgebridge.credential;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.badgebridge.award.Award;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgePictures;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.platform.ToolUrls;

/**
 * The issuer as pages show it: for an award whose credential was issued, as signed into that credential (name, URL,
 * logo, country), so later edits of the issuer profile do not rewrite badges already issued; otherwise the badge's
 * current issuer profile.
 */
@Service
public class SignedIssuers {

	/** An issuer to show; {@code logo} and {@code country} may be null; {@code signed}: read from an issued credential. */
	public record Shown(String name, String url, BadgePictures.Picture logo, String country, boolean signed) {
	}

	private static final Pattern OWN_LOGO = Pattern.compile("/ob2/issuers/(\\d{1,18})/image");

	private static final int LOGO_SIDE = 48;

	private final OpenBadges3 ob3;

	private final Badges badges;

	private final BadgePictures pictures;

	private final ToolUrls urls;

	private final JdbcClient jdbc;

	public SignedIssuers(OpenBadges3 ob3, Badges badges, BadgePictures pictures, ToolUrls urls, JdbcClient jdbc) {
		this.ob3 = ob3;
		this.badges = badges;
		this.pictures = pictures;
		this.urls = urls;
		this.jdbc = jdbc;
	}

	/** The issuer signed into the award's credential, else the badge's current issuer. */
	public Shown forAward(Award award, BadgeClass badge) {
		return ob3.find(award.id()).flatMap(issued -> fromCredential(issued.json())).orElseGet(() -> current(badge));
	}

	/** The badge's issuer as its profile reads now (for badges not issued yet, and the catalogue). */
	public Shown current(BadgeClass badge) {
		IssuerProfile p = badges.issuer(badge);
		String country = badge.details().country() != null && !badge.details().country().isBlank() ? badge.details().country() : p.country();
		return new Shown(p.name(), p.url() != null ? p.url() : urls.base(), pictures.issuerLogo(p.id(), LOGO_SIDE).orElse(null), country,
				false);
	}

	/** The award of one of our credentials, by the credential's {@code id}. */
	public Optional<String> awardOfCredential(String credentialId) {
		if (credentialId == null || credentialId.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("select award_id from ob3_credential where credential_id=?").param(credentialId).query(String.class).optional();
	}

	private Optional<Shown> fromCredential(String json) {
		try {
			Map<String, Object> doc = JSONObjectUtils.parse(json);
			if (!(doc.get("issuer") instanceof Map<?, ?> issuer) || !(issuer.get("name") instanceof String name)) {
				return Optional.empty();
			}
			String url = issuer.get("url") instanceof String u ? u : null;
			BadgePictures.Picture logo = null;
			if (issuer.get("image") instanceof Map<?, ?> image && image.get("id") instanceof String src) {
				logo = ownLogo(src);
			}
			String country = issuer.get("address") instanceof Map<?, ?> address && address.get("addressCountryCode") instanceof String c ? c
					: null;
			return Optional.of(new Shown(name, url, logo, country, true));
		}
		catch (ParseException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** A logo at one of our own URLs, as a path with its size (pages load images from this origin only). */
	private BadgePictures.Picture ownLogo(String src) {
		if (!src.startsWith(urls.base() + "/")) {
			return null;
		}
		Matcher m = OWN_LOGO.matcher(src.substring(urls.base().length()));
		return m.matches() ? pictures.issuerLogo(Long.parseLong(m.group(1)), LOGO_SIDE).orElse(null) : null;
	}
}
