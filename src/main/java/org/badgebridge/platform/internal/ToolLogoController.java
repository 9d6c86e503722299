package org.badgebridge.platform.internal;

import java.util.concurrent.TimeUnit;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.platform.ToolUrls;
import org.badgebridge.web.PublicEndpoint;

/**
 * The tool's logo at the URL sent as {@code logo_uri} in Dynamic Registration. Moodle stores that URL as the
 * tool type's icon and shows it on the tool's activities, so it must answer an image. Public, cacheable for a day.
 */
@RestController
@PublicEndpoint("the tool's logo, which the LMS shows as the activity icon")
class ToolLogoController {

	private final Resource logo = new ClassPathResource("static" + ToolUrls.LOGO_PATH);

	@GetMapping(ToolUrls.LOGO_PATH)
	ResponseEntity<Resource> logo() {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic()).body(logo);
	}
}
