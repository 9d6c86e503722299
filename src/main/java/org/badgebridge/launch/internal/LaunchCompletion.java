package org.badgebridge.launch.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.LaunchRecord;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;

/**
 * Turns a validated launch into plain facts for {@code course}, opens the tool session and says where the
 * user goes next: the Deep Linking picker, a badge's page, or the course's badges.
 */
@Component
class LaunchCompletion {

	private final Courses courses;

	private final ToolSessions sessions;

	private final LaunchMetrics metrics;

	LaunchCompletion(Courses courses, ToolSessions sessions, LaunchMetrics metrics) {
		this.courses = courses;
		this.sessions = sessions;
		this.metrics = metrics;
	}

	String complete(ValidatedLaunch launch, HttpServletResponse response) {
		metrics.completed(launch);
		Map<String, Object> context = launch.object(LtiClaims.CONTEXT);
		Map<String, Object> link = launch.object(LtiClaims.RESOURCE_LINK);
		Map<String, Object> custom = launch.object(LtiClaims.CUSTOM);
		Map<String, Object> ags = launch.object(LtiClaims.AGS_ENDPOINT);
		Map<String, Object> nrps = launch.object(LtiClaims.NRPS);
		Map<String, Object> presentation = launch.object(LtiClaims.LAUNCH_PRESENTATION);
		String badgeId = ValidatedLaunch.string(custom, "badge_id");
		if (badgeId != null && (badgeId.isBlank() || badgeId.startsWith("$") || badgeId.length() > 36)) {
			badgeId = null; // an unresolved substitution or garbage: not a badge of ours
		}
		// the language the LMS shows (Moodle: the user's or course's forced language), else the user's profile locale
		String locale = ValidatedLaunch.string(presentation, "locale") != null ? ValidatedLaunch.string(presentation, "locale")
				: launch.string("locale");
		List<String> scopes = ags.get("scope") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null;
		String name = launch.string("name");
		if (name == null && (launch.string("given_name") != null || launch.string("family_name") != null)) {
			name = ((launch.string("given_name") == null ? "" : launch.string("given_name")) + " "
					+ (launch.string("family_name") == null ? "" : launch.string("family_name"))).trim();
		}
		LaunchFacts facts = new LaunchFacts(launch.registration().id(), launch.deploymentId(),
				ValidatedLaunch.string(context, "id"), ValidatedLaunch.string(context, "label"),
				ValidatedLaunch.string(context, "title"), launch.subject(), name, launch.string("email"), locale,
				launch.roles(), launch.role(), launch.isDeepLinking() ? null : ValidatedLaunch.string(link, "id"),
				ValidatedLaunch.string(link, "title"), badgeId, ValidatedLaunch.string(ags, "lineitems"),
				ValidatedLaunch.string(ags, "lineitem"), scopes, ValidatedLaunch.string(nrps, "context_memberships_url"));
		LaunchRecord record = courses.recordLaunch(facts);
		String deepLinking = null;
		if (launch.isDeepLinking()) {
			Map<String, Object> settings = new LinkedHashMap<>(launch.object(LtiClaims.DL_SETTINGS));
			deepLinking = JSONObjectUtils.toJSONString(settings);
		}
		ToolSession session = sessions.create(launch.registration().id(), launch.deploymentId(), record.contextId(),
				record.memberId(), launch.subject(), name, launch.role(),
				record.chosenLocale() != null ? record.chosenLocale() : locale, record.resourceLinkId(), badgeId, deepLinking);
		LtiCookies.session(response, ToolSessions.COOKIE, session.id(), sessions.ttl());
		if (launch.isDeepLinking()) {
			return "/lti/deep-linking";
		}
		if (badgeId == null) {
			return "/lti/course";
		}
		return (session.isTeacher() ? "/lti/teach/badges/" : "/lti/learn/badges/") + badgeId;
	}
}
