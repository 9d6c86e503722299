package org.badgebridge.badge.internal;

import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.badge.BadgeImages;
import org.badgebridge.web.PublicEndpoint;

/** Serves badge images (public, like the badge itself); an SVG cannot run anything even if opened directly. */
@RestController
@PublicEndpoint("badge images are public parts of every badge (catalogue, credentials); served with a locked-down CSP")
class BadgeImageController {

	private final BadgeImages images;

	BadgeImageController(BadgeImages images) {
		this.images = images;
	}

	@GetMapping("/badges/{id}/image")
	ResponseEntity<byte[]> image(@PathVariable String id) {
		return images.find(id).map(image -> ResponseEntity.ok().header("Content-Type", image.contentType())
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
				.header("Access-Control-Allow-Origin", "*")
				.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic()).body(image.bytes()))
				.orElse(ResponseEntity.notFound().build());
	}
}
