package org.badgebridge.claim;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import org.badgebridge.course.CourseData;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The email confirmation cannot be guessed or used to mail a stranger without limit: five tries per code, counted
 * even though a wrong code's exception rolls back; three codes per learner and five per address a day; and no code
 * flow at all for a learner whose LMS shares their address.
 */
@SpringBootTest
@ActiveProfiles("test")
class EmailConfirmationLimitsIntegrationTest {

	@Autowired
	EmailConfirmations confirmations;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	CourseData courseData;

	@Autowired
	Outbox outbox;

	Registration registration;

	String course;

	long contextId;

	@BeforeEach
	void course() {
		String base = "https://lms-" + UUID.randomUUID() + ".example.edu";
		registration = registrations.create(new RegistrationValues("LMS", base, "client", "moodle", base + "/auth", base + "/token",
				null, base + "/certs", null, List.of("1"), RegistrationState.ACTIVE), "test");
		course = UUID.randomUUID().toString();
		contextId = learner("teacher", "teacher@example.edu", CourseRole.TEACHER);
	}

	/** A member launching the course; email null when the LMS shares none. */
	long learner(String sub, String email, CourseRole role) {
		return courses.recordLaunch(new LaunchFacts(registration.id(), "1", course, "C", "Course", sub, "Name " + sub, email, "en",
				List.of(role == CourseRole.TEACHER ? "Instructor" : "Learner"), role, "1", "Badge link", null, null, null, List.of(), null))
				.contextId();
	}

	List<OutgoingMail> mailsTo(String address) {
		return outbox.recent(1000).stream().filter(m -> m.recipient().equals(address)).toList();
	}

	String lastCode(String address) {
		return mailsTo(address).get(0).subject().replaceAll("\\D", "");
	}

	/** A learner without a shared address asks for a code at {@code address} and tries a wrong one {@code wrongTries} times. */
	String codeAfterWrongTries(String sub, String address, int wrongTries) {
		learner(sub, null, CourseRole.LEARNER);
		confirmations.start(contextId, sub, address);
		String code = lastCode(address);
		String wrong = "000000".equals(code) ? "111111" : "000000";
		for (int i = 0; i < wrongTries; i++) {
			assertThatThrownBy(() -> confirmations.confirm(contextId, sub, wrong)).as("try " + (i + 1)).hasMessageContaining("not right");
		}
		return code;
	}

	@Test
	void theSixthTryIsRefusedEvenWithTheRightCode() {
		String code = codeAfterWrongTries("private", "private-" + UUID.randomUUID() + "@example.edu", EmailConfirmations.MAX_ATTEMPTS);
		assertThatThrownBy(() -> confirmations.confirm(contextId, "private", code)).as("the sixth try, with the right code")
				.hasMessageContaining("tried too often");
		assertThat(courseData.member(contextId, "private").orElseThrow().email()).as("no address confirmed").isNull();
		assertThatThrownBy(() -> confirmations.confirm(contextId, "private", code)).hasMessageContaining("Ask for a code first");
	}

	@Test
	void theRightCodeWithinFiveTriesConfirms() {
		String address = "careful-" + UUID.randomUUID() + "@example.edu";
		String code = codeAfterWrongTries("careful", address, EmailConfirmations.MAX_ATTEMPTS - 1);
		confirmations.confirm(contextId, "careful", code);
		assertThat(courseData.member(contextId, "careful").orElseThrow().email()).isEqualTo(address);
	}

	@Test
	void theFourthCodeOfALearnerInADayIsRefusedAndNotMailed() {
		learner("eager", null, CourseRole.LEARNER);
		String address = "stranger-" + UUID.randomUUID() + "@example.edu";
		for (int i = 0; i < 3; i++) {
			confirmations.start(contextId, "eager", address);
		}
		assertThatThrownBy(() -> confirmations.start(contextId, "eager", address)).hasMessageContaining("3 codes today");
		String other = "other-" + UUID.randomUUID() + "@example.edu";
		assertThatThrownBy(() -> confirmations.start(contextId, "eager", other)).as("another address: the learner's limit holds")
				.hasMessageContaining("3 codes today");
		assertThat(mailsTo(address)).hasSize(3);
		assertThat(mailsTo(other)).isEmpty();
	}

	@Test
	void anAddressGetsAtMostFiveCodesADayWhoeverAsks() {
		String stranger = "stranger-" + UUID.randomUUID() + "@example.edu";
		for (String sub : List.of("a", "b")) {
			learner(sub, null, CourseRole.LEARNER);
		}
		for (int i = 0; i < 3; i++) {
			confirmations.start(contextId, "a", stranger);
		}
		confirmations.start(contextId, "b", stranger.toUpperCase(java.util.Locale.ROOT));
		confirmations.start(contextId, "b", stranger);
		assertThatThrownBy(() -> confirmations.start(contextId, "b", stranger)).hasMessageContaining("as many codes as allowed today");
		assertThat(outbox.recent(1000).stream().filter(m -> m.recipient().equalsIgnoreCase(stranger))).hasSize(5);
		// the refused request took nothing from the learner's own allowance
		confirmations.start(contextId, "b", "b-" + UUID.randomUUID() + "@example.edu");
	}

	@Test
	void aLearnerWhoseLmsSharesTheirAddressGetsNoCodeFlow() {
		learner("shared", "shared@example.edu", CourseRole.LEARNER);
		String stranger = "stranger-" + UUID.randomUUID() + "@example.edu";
		assertThatThrownBy(() -> confirmations.start(contextId, "shared", stranger)).hasMessageContaining("from your LMS");
		assertThat(mailsTo(stranger)).isEmpty();
		assertThat(confirmations.pending(contextId, "shared")).isFalse();
	}
}
