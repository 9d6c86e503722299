package org.badgebridge.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.claim.Claims;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.LaunchRecord;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Learners, their accounts and backpack sign-ins, as the account tests make them. */
public record Holders(MockMvc mvc, Registrations registrations, Courses courses, Badges badges, Awards awards, Claims claims, Outbox outbox,
		ToolSessions sessions, JdbcClient jdbc) {

	static final Pattern SIGN_IN = Pattern.compile("/backpack/sign-in/([A-Za-z0-9_-]{43})");

	/** A learner of a course with an award of its badge, launched (a tool session) but not yet claimed. */
	public record Learner(Registration platform, LaunchRecord launch, String sub, String address, BadgeClass badge, Award award) {
	}

	/** A learner (and a teacher) launched in a course of their own, with an award of a new badge given by hand. */
	public Learner learner(Registration platform, String sub, String address) {
		LaunchRecord launch = launch(platform, sub, address);
		BadgeClass badge = badges.create("Data Literacy " + sub, "Reads data", launch.contextId(), "t-" + sub);
		Award award = awards.awardByHand(badge.id(), sub, "teacher:t-" + sub, "by hand").orElseThrow();
		return new Learner(platform, launch, sub, address, badge, award);
	}

	public LaunchRecord launch(Registration platform, String sub, String address) {
		String course = "course-" + UUID.randomUUID();
		LaunchRecord launch = courses.recordLaunch(new LaunchFacts(platform.id(), "1", course, course, "Course " + course, sub, "Sue",
				address, "en", List.of("Learner"), CourseRole.LEARNER, "link-1", "Badge link", null, null, null, null, null));
		courses.recordLaunch(new LaunchFacts(platform.id(), "1", course, course, "Course " + course, "t-" + sub, "Terry", null, "en",
				List.of("Instructor"), CourseRole.TEACHER, "link-1", "Badge link", null, null, null, null, null));
		return launch;
	}

	public Registration platform() {
		String issuer = "https://lms-" + UUID.randomUUID() + ".example.edu";
		return registrations.create(new RegistrationValues("LMS", issuer, "client", "moodle", issuer + "/auth", issuer + "/token", null,
				issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
	}

	public static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@example.edu";
	}

	/** Claims the award and waits for the account that holds its address. */
	public String claimed(Learner learner) {
		claims.claim(learner.award().id());
		return await().atMost(Duration.ofSeconds(20)).until(() -> accountOf(learner.address()), Optional::isPresent).orElseThrow();
	}

	public Optional<String> accountOf(String address) {
		return jdbc.sql("select account_id from account_address where address=?").param(address.toLowerCase()).query(String.class)
				.optional();
	}

	public List<OutgoingMail> mails(String address, String kind) {
		return outbox.recent(500).stream().filter(m -> m.recipient().equalsIgnoreCase(address) && m.dedupKey().startsWith(kind + ":")).toList();
	}

	public static String token(OutgoingMail mail, Pattern link) {
		Matcher m = link.matcher(mail.textBody());
		assertThat(m.find()).as("the mail holds its link: " + mail.textBody()).isTrue();
		assertThat(mail.htmlBody()).contains(m.group());
		return m.group(1);
	}

	public MockHttpServletResponse askSignIn(String address, String client) throws Exception {
		return mvc.perform(post("/backpack/sign-in").param("address", address).with(csrf()).with(r -> {
			r.setRemoteAddr(client);
			return r;
		})).andReturn().getResponse();
	}

	/** Asks for a link (from a random client address), follows it; returns the backpack session cookie. */
	public Cookie signIn(String address) throws Exception {
		List<OutgoingMail> before = mails(address, "account-sign-in");
		askSignIn(address, "192.0.2." + (1 + (int) (Math.random() * 250)));
		List<OutgoingMail> sent = mails(address, "account-sign-in").stream()
				.filter(m -> before.stream().noneMatch(b -> b.id().equals(m.id()))).toList();
		assertThat(sent).hasSize(1);
		MockHttpServletResponse response = mvc.perform(post("/backpack/sign-in/" + token(sent.get(0), SIGN_IN)).with(csrf()))
				.andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/backpack");
		return response.getCookie("bb_backpack");
	}

	/** The learner's tool session (as after a launch) in the course of their award. */
	public Cookie session(Learner learner) {
		ToolSession s = sessions.create(learner.platform().id(), "1", learner.launch().contextId(), learner.launch().memberId(),
				learner.sub(), learner.sub(), CourseRole.LEARNER, "en", learner.launch().resourceLinkId(), learner.badge().id(), null);
		return new Cookie(ToolSessions.COOKIE, s.id());
	}
}
