package org.badgebridge.badge;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How pages show a badge's own image (or an issuer's logo): its URL and the width and height attributes that keep
 * the stored image's aspect ratio within a square of a given side, so a wide or tall image is never squashed.
 */
@Service
public class BadgePictures {

	/** An image to show: {@code src}, {@code width} and {@code height} attributes. */
	public record Picture(String url, int width, int height) {
	}

	private final JdbcClient jdbc;

	public BadgePictures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The badge's uploaded image, or the default medal when it has none; fits a square of {@code side} pixels. */
	public Picture badge(String badgeId, int side) {
		return badgePicture(badgeId, dimensions(badgeId).orElse(null), side);
	}

	/** The images of several badges (as {@link #badge}), read in one query: for lists. */
	public java.util.Map<String, Picture> badges(java.util.Collection<String> badgeIds, int side) {
		java.util.Map<String, int[]> sizes = new java.util.HashMap<>();
		if (!badgeIds.isEmpty()) {
			jdbc.sql("select badge_id, width, height from badge_image where badge_id in (:ids)").param("ids", badgeIds)
					.query(rs -> {
						sizes.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
					});
		}
		java.util.Map<String, Picture> pictures = new java.util.LinkedHashMap<>();
		for (String id : badgeIds) {
			pictures.put(id, badgePicture(id, sizes.get(id), side));
		}
		return pictures;
	}

	private static Picture badgePicture(String badgeId, int[] size, int side) {
		return size != null ? fit("/badges/" + badgeId + "/image", size[0], size[1], side)
				: new Picture("/ob2/badges/" + badgeId + "/image", side, side);
	}

	/** The issuer's logo, if one was uploaded; fits a box {@code side} pixels high. */
	public Optional<Picture> issuerLogo(long issuerId, int side) {
		return dimensions("issuer-" + issuerId).map(d -> fit("/ob2/issuers/" + issuerId + "/image", d[0], d[1], side));
	}

	private Optional<int[]> dimensions(String key) {
		return jdbc.sql("select width, height from badge_image where badge_id=?").param(key)
				.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) }).optional();
	}

	/** Width and height within {@code side}, keeping the ratio; an image without known size (SVG) is square. */
	static Picture fit(String url, int width, int height, int side) {
		if (width <= 0 || height <= 0) {
			return new Picture(url, side, side);
		}
		if (width >= height) {
			return new Picture(url, side, Math.max(1, Math.round((float) side * height / width)));
		}
		return new Picture(url, Math.max(1, Math.round((float) side * width / height)), side);
	}
}
