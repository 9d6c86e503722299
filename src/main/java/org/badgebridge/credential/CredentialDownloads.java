package org.badgebridge.credential;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A learner's credential as files: JSON with its proof, VC-JWT, and the badge PNG baked with the credential. */
@Component
public class CredentialDownloads {

	/** PNG iTXt keyword of an Open Badges 3.0 credential. */
	public static final String OB3_KEYWORD = "openbadgecredential";

	private final BadgePngs pngs;

	private final org.badgebridge.award.Awards awards;

	private final org.badgebridge.badge.BadgeImages images;

	public CredentialDownloads(BadgePngs pngs, org.badgebridge.award.Awards awards, org.badgebridge.badge.BadgeImages images) {
		this.pngs = pngs;
		this.awards = awards;
		this.images = images;
	}

	public ResponseEntity<String> json(OpenBadges3.Issued issued) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/vc")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + issued.awardId() + ".json\"").body(issued.json());
	}

	public ResponseEntity<String> jwt(OpenBadges3.Issued issued) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/vc+jwt")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + issued.awardId() + ".jwt\"").body(issued.jwt());
	}

	public ResponseEntity<byte[]> bakedPng(OpenBadges3.Issued issued) {
		String badgeId = awards.find(issued.awardId()).orElseThrow().badgeId();
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "image/png")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + issued.awardId() + "-ob3.png\"")
				.body(PngBaking.bake(pngs.forBadge(badgeId), OB3_KEYWORD, issued.json()));
	}

	/** The badge's SVG (or its PNG in an SVG) baked with the credential. */
	public ResponseEntity<byte[]> bakedSvg(OpenBadges3.Issued issued) {
		String badgeId = awards.find(issued.awardId()).orElseThrow().badgeId();
		byte[] svg = images.find(badgeId).filter(i -> i.contentType().equals("image/svg+xml")).map(org.badgebridge.badge.BadgeImages.Image::bytes)
				.orElseGet(() -> SvgBaking.wrapping(pngs.forBadge(badgeId)));
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "image/svg+xml")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + issued.awardId() + "-ob3.svg\"")
				.header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
				.body(SvgBaking.bakeCredential(svg, issued.json()));
	}
}
