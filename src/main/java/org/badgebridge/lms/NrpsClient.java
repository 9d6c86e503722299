package org.badgebridge.lms;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import org.badgebridge.lms.internal.LmsHttp;
import org.badgebridge.platform.Registration;

/** Names and Role Provisioning Services 2.0: a course's roster, all pages, optionally for one resource link. */
@Service
public class NrpsClient {

	public static final String MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

	private final ServiceCalls calls;

	public NrpsClient(ServiceCalls calls) {
		this.calls = calls;
	}

	public List<Member> members(Registration registration, String membershipsUrl, String resourceLinkId) {
		UriComponentsBuilder first = UriComponentsBuilder.fromUriString(membershipsUrl);
		if (resourceLinkId != null) {
			first.queryParam("rlid", AgsClient.query(resourceLinkId));
		}
		List<Member> members = new ArrayList<>();
		String url = first.build().toUriString();
		for (int page = 0; url != null; page++) {
			if (page >= AgsClient.MAX_PAGES) {
				throw new LmsCallFailed(registration.name(), "GET", membershipsUrl, 200, "more than " + AgsClient.MAX_PAGES + " pages");
			}
			LmsHttp.Response response = calls.call(registration, List.of(SCOPE), "GET", url, Map.of("Accept", MEMBERSHIPS), null,
					true);
			if (response.status() != 200) {
				throw ServiceCalls.failed(registration, "GET", url, response);
			}
			Map<String, Object> container;
			try {
				container = JSONObjectUtils.parse(response.body());
			}
			catch (ParseException ex) {
				throw new LmsCallFailed(registration.name(), "GET", url, 200, "the answer is not a JSON object: "
						+ AccessTokens.abbreviate(response.body()));
			}
			if (!(container.get("members") instanceof List<?> list)) {
				throw new LmsCallFailed(registration.name(), "GET", url, 200, "the answer has no members array");
			}
			for (Object o : list) {
				if (!(o instanceof Map<?, ?> m) || m.get("user_id") == null) {
					continue; // a member without user_id cannot be matched to anything
				}
				List<String> roles = m.get("roles") instanceof List<?> r ? r.stream().map(String::valueOf).toList() : List.of();
				members.add(new Member(String.valueOf(m.get("user_id")), roles, Member.status(m.get("status")), text(m.get("name")),
						text(m.get("given_name")), text(m.get("family_name")), text(m.get("email"))));
			}
			url = response.next().orElse(null);
		}
		return members;
	}

	private static String text(Object o) {
		return o == null || o.toString().isBlank() ? null : o.toString();
	}
}
