package org.badgebridge.demolms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the demo LMS lives (its issuer, on 127.0.0.1) and where it finds the tool (on localhost). */
@ConditionalOnDemo
@Component
class DemoSettings {

	private final String issuer;

	private final String toolUrl;

	DemoSettings(@Value("${badgebridge.demo.issuer}") String issuer, @Value("${badgebridge.public-url}") String toolUrl) {
		this.issuer = strip(issuer);
		this.toolUrl = strip(toolUrl);
	}

	String issuer() {
		return issuer;
	}

	String toolUrl() {
		return toolUrl;
	}

	String url(String path) {
		return issuer + path;
	}

	String tokenEndpoint() {
		return url("/token");
	}

	String lineItems(long course, String clientId) {
		return url("/services/" + course + "/lineitems?type_id=" + clientId);
	}

	String lineItem(long course, long item, String clientId) {
		return url("/services/" + course + "/lineitems/" + item + "/lineitem?type_id=" + clientId);
	}

	String memberships(long course, String clientId) {
		return url("/services/CourseSection/" + course + "/bindings/" + clientId + "/memberships");
	}

	private static String strip(String s) {
		return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
	}
}
