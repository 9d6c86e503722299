package org.badgebridge.access.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.badgebridge.access.BadgeLearner;
import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.access.CourseMember;
import org.badgebridge.access.ManagedAward;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;
import org.badgebridge.web.AccessRefused;

/**
 * Resolves the course principals. The rules, in one place: a tool session must be live; a badge (path variable
 * {@code badge}) is reachable only from a launch of the course (platform + course) it belongs to; teachers' types
 * need the teacher role, learners' the learner role (a learner acts only on their own data); an award (parameter
 * {@code award}) must be of that badge and course.
 */
@Configuration
class CoursePrincipals implements WebMvcConfigurer {

	static final String BADGE = "badge";

	static final String AWARD = "award";

	private final ToolSessions sessions;

	private final Badges badges;

	private final Awards awards;

	CoursePrincipals(ToolSessions sessions, Badges badges, Awards awards) {
		this.sessions = sessions;
		this.badges = badges;
		this.awards = awards;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(resolver(CourseMember.class, r -> new CourseMember(session(r))));
		resolvers.add(resolver(BadgeTeacher.class, this::teacher));
		resolvers.add(resolver(BadgeLearner.class, this::learner));
		resolvers.add(resolver(ManagedAward.class, this::managedAward));
	}

	BadgeTeacher teacher(HttpServletRequest request) {
		ToolSession session = session(request);
		if (!session.isTeacher()) {
			throw AccessRefused.forbidden("Only the course's teachers can do this.", "common.refused.teachersOnly");
		}
		return new BadgeTeacher(session, badgeOfCourse(request, session));
	}

	BadgeLearner learner(HttpServletRequest request) {
		ToolSession session = session(request);
		if (session.isTeacher()) {
			throw AccessRefused.forbidden("This is the learners' page: teachers manage the badge on its teacher's page.",
					"common.refused.learnersOnly");
		}
		return new BadgeLearner(session, badgeOfCourse(request, session));
	}

	ManagedAward managedAward(HttpServletRequest request) {
		BadgeTeacher teacher = teacher(request);
		String id = request.getParameter(AWARD);
		Award award = awards.find(id == null ? "" : id)
				.filter(a -> a.badgeId().equals(teacher.badgeId()) && a.contextId() == teacher.contextId())
				.orElseThrow(() -> AccessRefused.forbidden("That award is not of this badge and course.", "common.refused.otherAward"));
		return new ManagedAward(teacher, award);
	}

	private ToolSession session(HttpServletRequest request) {
		return sessions.of(request);
	}

	private BadgeClass badgeOfCourse(HttpServletRequest request, ToolSession session) {
		String id = pathVariable(request, BADGE);
		BadgeClass badge = badges.find(id == null ? "" : id).orElseThrow(() -> new AccessRefused(404,
				"This link names a badge that does not exist (any more) in BadgeBridge.", "common.refused.noSuchBadge"));
		if (badge.contextId() == null || badge.contextId() != session.contextId()) {
			throw AccessRefused.forbidden("This badge belongs to another course. If this activity was copied from another "
					+ "course, ask a teacher of this course to add the badge again (\"Add an activity\" › BadgeBridge).", "common.refused.otherCourse");
		}
		return badge;
	}

	@SuppressWarnings("unchecked")
	private static String pathVariable(HttpServletRequest request, String name) {
		Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return vars instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get(name) : null;
	}

	private static <T> HandlerMethodArgumentResolver resolver(Class<T> type,
			java.util.function.Function<HttpServletRequest, T> resolve) {
		return new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == type;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
					WebDataBinderFactory binderFactory) {
				return resolve.apply(webRequest.getNativeRequest(HttpServletRequest.class));
			}
		};
	}
}
