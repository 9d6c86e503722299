package org.badgebridge.demolms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.badgebridge.demolms.DemoServiceRequests.accept;
import static org.badgebridge.demolms.DemoServiceRequests.page;

/**
 * NRPS 2.0 of the demo platform: the sample course's membership container (every demo user, Active, as
 * Instructor or Learner), filtered by {@code role} and paged as Moodle pages; its {@code rel="next"} link has
 * plain quotes (only line items and results get the curly ones). Calls are checked by {@link DemoServiceRequests}.
 */
@ConditionalOnDemo
@RestController
@RequestMapping("/demolms/services")
class DemoMembershipsController {

	static final String MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	private final DemoSettings settings;

	private final DemoStore store;

	private final DemoServiceRequests requests;

	DemoMembershipsController(DemoSettings settings, DemoStore store, DemoServiceRequests requests) {
		this.settings = settings;
		this.store = store;
		this.requests = requests;
	}

	@GetMapping("/CourseSection/{course}/bindings/{typeId}/memberships")
	ResponseEntity<String> memberships(@PathVariable long course, @PathVariable String typeId,
			@RequestParam(name = "role", required = false) String role,
			@RequestParam(name = "limit", required = false) Integer limit,
			@RequestParam(name = "from", required = false, defaultValue = "0") int from, HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.NRPS));
		accept(request, MEMBERSHIPS);
		List<Map<String, Object>> members = new ArrayList<>();
		for (DemoStore.User u : store.users()) {
			String r = u.teacher() ? "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
					: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
			if (role != null && !r.endsWith("#" + role) && !r.equals(role)) {
				continue;
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("status", "Active");
			m.put("roles", List.of(r));
			m.put("user_id", String.valueOf(u.id()));
			m.put("lis_person_sourcedid", "");
			m.put("name", u.name());
			m.put("given_name", u.givenName());
			m.put("family_name", u.familyName());
			m.put("email", u.email());
			members.add(m);
		}
		String url = settings.memberships(course, client);
		return page(members, limit, from, MEMBERSHIPS, end -> "<" + url + "?limit=" + limit + "&from=" + end + ">; rel=\"next\"",
				pageOfMembers -> {
					Map<String, Object> container = new LinkedHashMap<>();
					container.put("id", url);
					container.put("context", Map.of("id", String.valueOf(course), "label", "DL101", "title", "Data Literacy 101"));
					container.put("members", pageOfMembers);
					return JSONObjectUtils.toJSONString(container);
				});
	}
}
