package org.badgebridge.sharing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LinkedIn's "Add to profile" link for a certification: {@code https://www.linkedin.com/profile/add?startTask=
 * CERTIFICATION_NAME} with the badge's name, the issuer (its LinkedIn organisation id when configured, else its name),
 * the month of issue (months 1-12: edubadges' web client sends January as 0), the month it expires when it does, the
 * share link as {@code certUrl} and the award's id as {@code certId}. Each value is form-encoded (UTF-8).
 * Sources: ../shared/reference/next-steps.md §2; which parameters LinkedIn requires is not documented publicly.
 */
public record LinkedInAddToProfile(String name, String organizationId, String organizationName, YearMonth issued,
		YearMonth expires, String certUrl, String certId) {

	public static final String BASE = "https://www.linkedin.com/profile/add";

	public LinkedInAddToProfile {
		if (name == null || name.isBlank() || issued == null || certUrl == null || certId == null) {
			throw new IllegalArgumentException("A certification needs a name, an issue month, a URL and an id");
		}
		if ((organizationId == null || organizationId.isBlank()) && (organizationName == null || organizationName.isBlank())) {
			throw new IllegalArgumentException("A certification names its organisation by id or by name");
		}
	}

	/** The parameters in the order they are sent. */
	public Map<String, String> parameters() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("startTask", "CERTIFICATION_NAME");
		p.put("name", name);
		if (organizationId != null && !organizationId.isBlank()) {
			p.put("organizationId", organizationId);
		}
		else {
			p.put("organizationName", organizationName);
		}
		p.put("issueYear", Integer.toString(issued.getYear()));
		p.put("issueMonth", Integer.toString(issued.getMonthValue()));
		if (expires != null) {
			p.put("expirationYear", Integer.toString(expires.getYear()));
			p.put("expirationMonth", Integer.toString(expires.getMonthValue()));
		}
		p.put("certUrl", certUrl);
		p.put("certId", certId);
		return p;
	}

	public String url() {
		return BASE + "?" + parameters().entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
	}
}
