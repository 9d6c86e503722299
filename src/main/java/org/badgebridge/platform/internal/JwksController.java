package org.badgebridge.platform.internal;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.platform.ToolKeys;
import org.badgebridge.web.PublicEndpoint;

/** Publishes the tool's public signing keys (never a private member). */
@RestController
@PublicEndpoint("the tool's public keys: platforms fetch them to check the tool's signatures")
class JwksController {

	private final ToolKeys keys;

	JwksController(ToolKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
				.header("Access-Control-Allow-Origin", "*")
				.body(keys.publicJwks().toJSONObject(true));
	}
}
