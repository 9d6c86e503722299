package org.badgebridge.credential.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;


import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import org.badgebridge.badge.BadgeImages;
import org.badgebridge.credential.BadgePngs;
import org.badgebridge.credential.OpenBadges2;
import org.badgebridge.credential.PngBaking;
import org.badgebridge.web.PublicEndpoint;

/**
 * Open Badges 2.0 hosted objects at stable URLs: JSON-LD for machines (with CORS), a readable page for browsers,
 * the badge image and the baked PNG of an assertion.
 */
@RestController
@PublicEndpoint("Open Badges 2.0 hosted verification: ids are public URLs that verifiers fetch; private awards reveal no learner")
class OpenBadges2Controller {

	static final String JSON_LD = "application/ld+json";

	private final OpenBadges2 ob2;

	private final BadgeImages images;

	private final BadgePngs pngs;

	OpenBadges2Controller(OpenBadges2 ob2, BadgeImages images, BadgePngs pngs) {
		this.ob2 = ob2;
		this.images = images;
		this.pngs = pngs;
	}

	@GetMapping("/ob2/issuers/{id}")
	ResponseEntity<String> issuer(@PathVariable long id, @RequestHeader(name = "Accept", required = false) String accept) {
		return respond(ob2.issuer(id), accept, "Issuer");
	}

	@GetMapping("/ob2/issuers/{id}/revocations")
	ResponseEntity<String> revocations(@PathVariable long id, @RequestHeader(name = "Accept", required = false) String accept) {
		return respond(ob2.revocationList(id), accept, "Revocation list");
	}

	@GetMapping("/ob2/badges/{id}")
	ResponseEntity<String> badge(@PathVariable String id, @RequestHeader(name = "Accept", required = false) String accept) {
		return respond(ob2.badgeClass(id), accept, "Badge");
	}

	/**
	 * A hosted assertion; a revoked one answers {@code 410 Gone} with only its id and {@code revoked: true}, as
	 * Open Badges 2.0 hosted verification wants (and never the reason). Browsers go to the verification page.
	 */
	@GetMapping("/ob2/assertions/{id}")
	ResponseEntity<String> assertion(@PathVariable String id, @RequestHeader(name = "Accept", required = false) String accept) {
		Optional<Map<String, Object>> assertion = ob2.assertion(id);
		if (wantsHtml(accept) && assertion.isPresent()) {
			return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/verify/" + id).build();
		}
		if (assertion.isPresent() && Boolean.TRUE.equals(assertion.get().get("revoked"))) {
			Map<String, Object> gone = new LinkedHashMap<>();
			gone.put("@context", assertion.get().get("@context"));
			gone.put("type", "Assertion");
			gone.put("id", assertion.get().get("id"));
			gone.put("revoked", true);
			return ResponseEntity.status(410).header(HttpHeaders.CONTENT_TYPE, JSON_LD).header("Access-Control-Allow-Origin", "*")
					.header(HttpHeaders.VARY, "Accept").body(JSONObjectUtils.toJSONString(gone));
		}
		return respond(assertion, accept, "Badge award");
	}

	@GetMapping("/ob2/issuers/{id}/image")
	ResponseEntity<byte[]> issuerLogo(@PathVariable long id) {
		return images.findIssuerLogo(id).map(OpenBadges2Controller::image)
				.orElseGet(() -> ResponseEntity.status(404).header(HttpHeaders.CONTENT_TYPE, "text/plain").body("Not found".getBytes()));
	}

	private static ResponseEntity<byte[]> image(BadgeImages.Image image) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, image.contentType()).header("X-Content-Type-Options", "nosniff")
				.header("Access-Control-Allow-Origin", "*").header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
				.body(image.bytes());
	}

	@GetMapping("/ob2/badges/{id}/image")
	ResponseEntity<byte[]> image(@PathVariable String id) {
		Optional<BadgeImages.Image> image = images.find(id);
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, image.map(BadgeImages.Image::contentType).orElse("image/png"))
				.header("X-Content-Type-Options", "nosniff").header("Access-Control-Allow-Origin", "*")
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
				.body(image.map(BadgeImages.Image::bytes).orElseGet(pngs::medal));
	}

	/** The badge's PNG (or the default medal) with the assertion baked in. */
	@GetMapping("/ob2/assertions/{id}/baked.png")
	ResponseEntity<byte[]> baked(@PathVariable String id) {
		Optional<Map<String, Object>> assertion = ob2.assertion(id);
		if (assertion.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		if (!assertion.get().containsKey("recipient")) {
			return gone();
		}
		String badgeUrl = (String) assertion.get().get("badge");
		String badgeId = badgeUrl.substring(badgeUrl.lastIndexOf('/') + 1);
		byte[] png = pngs.forBadge(badgeId);
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "image/png")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + id + ".png\"")
				.body(PngBaking.bake(png, PngBaking.KEYWORD, JSONObjectUtils.toJSONString(assertion.get())));
	}

	/** The badge's SVG with the assertion baked in (badges with an SVG image only). */
	@GetMapping("/ob2/assertions/{id}/baked.svg")
	ResponseEntity<byte[]> bakedSvg(@PathVariable String id) {
		Optional<Map<String, Object>> assertion = ob2.assertion(id);
		if (assertion.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		if (!assertion.get().containsKey("recipient")) {
			return gone();
		}
		String badgeUrl = (String) assertion.get().get("badge");
		String badgeId = badgeUrl.substring(badgeUrl.lastIndexOf('/') + 1);
		Optional<BadgeImages.Image> svg = images.find(badgeId).filter(i -> i.contentType().equals("image/svg+xml"));
		if (svg.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "image/svg+xml")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + id + ".svg\"")
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
				.body(org.badgebridge.credential.SvgBaking.bake(svg.get().bytes(), (String) assertion.get().get("id"),
						JSONObjectUtils.toJSONString(assertion.get())));
	}

	/** An award whose holder deleted their data: known, but nothing of it is handed out any more. */
	private static ResponseEntity<byte[]> gone() {
		return ResponseEntity.status(410).header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
				.body("Gone: this badge was deleted by its holder.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private ResponseEntity<String> respond(Optional<Map<String, Object>> object, String accept, String title) {
		if (object.isEmpty()) {
			return ResponseEntity.status(404).header(HttpHeaders.CONTENT_TYPE, "text/plain").body("Not found");
		}
		if (wantsHtml(accept)) {
			return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").body(page(title, object.get()));
		}
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, JSON_LD).header("Access-Control-Allow-Origin", "*")
				.header(HttpHeaders.VARY, "Accept").body(JSONObjectUtils.toJSONString(object.get()));
	}

	static boolean wantsHtml(String accept) {
		return accept != null && accept.contains("text/html") && !accept.contains("json");
	}

	private static String page(String title, Map<String, Object> object) {
		StringBuilder rows = new StringBuilder();
		object.forEach((k, v) -> {
			if (!k.startsWith("@")) {
				rows.append("<tr><th>").append(HtmlUtils.htmlEscape(k)).append("</th><td>")
						.append(HtmlUtils.htmlEscape(String.valueOf(v))).append("</td></tr>");
			}
		});
		String status = Boolean.TRUE.equals(object.get("revoked")) ? "<p class=\"error\" id=\"status\">Revoked by the issuer.</p>"
				: "Assertion".equals(object.get("type")) ? "<p class=\"notice\" id=\"status\">Valid: issued and not revoked.</p>" : "";
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
				+ " · BadgeBridge</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main><h1>" + title + "</h1>"
				+ status + "<table>" + rows + "</table><p class=\"hint\">Machine-readable (Open Badges 2.0): request this URL with "
				+ "Accept: application/ld+json.</p></main></body></html>";
	}
}
