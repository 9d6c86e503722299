package org.badgebridge.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The account as a learner meets it: claiming makes it; a mailed one-time link signs in to the backpack (once, for
 * 15 minutes, a few per address and per client a minute); a second address is added by its mailed link; an address
 * of another account joins the two only when a sign-in of each confirms; a launch links its LMS identity to one
 * account only.
 */
@SpringBootTest(properties = { "badgebridge.account.sign-ins-per-address-per-minute=2",
		"badgebridge.account.sign-ins-per-client-per-minute=4" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountIntegrationTest {

	/** The system clock moved on by hand: links expire, rate-limit windows start where a test wants them to. */
	static final class MovableClock extends Clock {

		final AtomicLong offset = new AtomicLong();

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plusMillis(offset.get());
		}

		void advance(Duration by) {
			offset.addAndGet(by.toMillis());
		}

		/** Moves to the start of the next minute: a test's requests then fall in one rate-limit window. */
		void startOfMinute() {
			advance(Duration.ofMillis(60_000 - millis() % 60_000 + 10));
		}
	}

	@TestConfiguration
	static class Clocks {
		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}
	}

	static final Pattern SIGN_IN = Pattern.compile("/backpack/sign-in/([A-Za-z0-9_-]{43})");

	static final Pattern ADDRESS = Pattern.compile("/backpack/addresses/verify/([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	Claims claims;

	@Autowired
	Outbox outbox;

	@Autowired
	ToolSessions sessions;

	@Autowired
	JdbcClient jdbc;

	/** A learner of a course with an award of its badge, launched (a tool session) but not yet claimed. */
	record Learner(Registration platform, LaunchRecord launch, String sub, String address, BadgeClass badge, Award award) {
	}

	Learner learner(Registration platform, String sub, String address) {
		String course = "course-" + UUID.randomUUID();
		LaunchRecord launch = courses.recordLaunch(new LaunchFacts(platform.id(), "1", course, course, "Course " + course, sub, "Sue",
				address, "en", List.of("Learner"), CourseRole.LEARNER, "link-1", "Badge link", null, null, null, null, null));
		courses.recordLaunch(new LaunchFacts(platform.id(), "1", course, course, "Course " + course, "t-" + sub, "Terry", null, "en",
				List.of("Instructor"), CourseRole.TEACHER, "link-1", "Badge link", null, null, null, null, null));
		BadgeClass badge = badges.create("Data Literacy " + sub, "Reads data", launch.contextId(), "t-" + sub);
		Award award = awards.awardByHand(badge.id(), sub, "teacher:t-" + sub, "by hand").orElseThrow();
		return new Learner(platform, launch, sub, address, badge, award);
	}

	Registration platform() {
		String issuer = "https://lms-" + UUID.randomUUID() + ".example.edu";
		return registrations.create(new RegistrationValues("LMS", issuer, "client", "moodle", issuer + "/auth", issuer + "/token", null,
				issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@example.edu";
	}

	/** Claims the award and waits for the account that holds its address. */
	String claimed(Learner learner) {
		claims.claim(learner.award().id());
		return await().atMost(Duration.ofSeconds(20)).until(() -> accountOf(learner.address()), Optional::isPresent).orElseThrow();
	}

	Optional<String> accountOf(String address) {
		return jdbc.sql("select account_id from account_address where address=?").param(address.toLowerCase()).query(String.class)
				.optional();
	}

	List<OutgoingMail> mails(String address, String kind) {
		return outbox.recent(500).stream().filter(m -> m.recipient().equalsIgnoreCase(address) && m.dedupKey().startsWith(kind + ":")).toList();
	}

	static String token(OutgoingMail mail, Pattern link) {
		Matcher m = link.matcher(mail.textBody());
		assertThat(m.find()).as("the mail holds its link: " + mail.textBody()).isTrue();
		assertThat(mail.htmlBody()).contains(m.group());
		return m.group(1);
	}

	MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String client) {
		return request.with(csrf()).with(r -> {
			r.setRemoteAddr(client);
			return r;
		});
	}

	MockHttpServletResponse askSignIn(String address, String client) throws Exception {
		return mvc.perform(from(post("/backpack/sign-in").param("address", address), client)).andReturn().getResponse();
	}

	/** Asks for a link, follows it; returns the backpack session cookie. */
	Cookie signIn(String address) throws Exception {
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

	String backpack(Cookie holder) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/backpack").cookie(holder)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void claimingAnAwardMakesTheAccountOfItsAddress() {
		Learner sue = learner(platform(), "sue", unique("Sue"));
		assertThat(accountOf(sue.address())).as("no claim, no account").isEmpty();
		String account = claimed(sue);
		assertThat(jdbc.sql("select count(*) from account where id=? and merged_into is null").param(account).query(Integer.class).single())
				.isOne();
		Learner again = learner(sue.platform(), "sue2", sue.address());
		assertThat(claimed(again)).as("a second claim of the address finds its account").isEqualTo(account);
	}

	@Test
	void anAwardThatNamedNoAddressJoinsTheAccountOfTheAddressItWasClaimedWith() throws Exception {
		// awarded while the LMS shared no address; the learner's address (confirmed in the panel) came later
		Learner tom = learner(platform(), "tom", null);
		assertThat(tom.award().recipientEmail()).isNull();
		String address = unique("tom");
		String course = courses.context(tom.launch().contextId()).orElseThrow().lmsContextId();
		courses.recordLaunch(new LaunchFacts(tom.platform().id(), "1", course, course, "Course " + course, "tom", "Tom", address, "en",
				List.of("Learner"), CourseRole.LEARNER, "link-1", "Badge link", null, null, null, null, null));
		String account = claimed(new Learner(tom.platform(), tom.launch(), "tom", address, tom.badge(), tom.award()));
		assertThat(jdbc.sql("select account_id from account_award where award_id=?").param(tom.award().id()).query(String.class).single())
				.isEqualTo(account);
		assertThat(backpack(signIn(address))).contains(tom.badge().name(), "data-state=\"ACCEPTED\"");
	}

	@Test
	void aSignInLinkWorksOnceAndOpensTheBackpackInATopLevelCookie() throws Exception {
		Learner sue = learner(platform(), "sue", unique("Sue"));
		claimed(sue);
		askSignIn(sue.address(), "192.0.2.10");
		OutgoingMail mail = mails(sue.address(), "account-sign-in").get(0);
		assertThat(mail.secret()).isEqualTo(OutgoingMail.Secret.BODY);
		String token = token(mail, SIGN_IN);
		assertThat(jdbc.sql("select count(*) from account_sign_in where token_hash like ?").param("%" + token + "%")
				.query(Integer.class).single()).as("only the hash is stored").isZero();

		assertThat(mvc.perform(get("/backpack/sign-in/" + token)).andReturn().getResponse().getContentAsString())
				.as("a GET (a mail scanner) only shows the button").contains("id=\"sign-in-now\"");
		MockHttpServletResponse signedIn = mvc.perform(post("/backpack/sign-in/" + token).with(csrf())).andReturn().getResponse();
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/backpack");
		String setCookie = signedIn.getHeader("Set-Cookie");
		assertThat(setCookie).startsWith("bb_backpack=").contains("HttpOnly", "Secure", "SameSite=Lax").doesNotContain("Partitioned");
		Cookie holder = signedIn.getCookie("bb_backpack");
		assertThat(backpack(holder)).as("the address as stored: lower case").contains(sue.address().toLowerCase(), sue.badge().name(),
				"data-state=\"ACCEPTED\"");

		assertThat(mvc.perform(post("/backpack/sign-in/" + token).with(csrf())).andReturn().getResponse().getStatus())
				.as("used once").isEqualTo(410);
		mvc.perform(post("/backpack/sign-out").cookie(holder).with(csrf()));
		assertThat(mvc.perform(get("/backpack").cookie(holder)).andReturn().getResponse().getRedirectedUrl())
				.as("signed out: the backpack sends to the sign-in page").isEqualTo("/backpack/sign-in");
	}

	@Test
	void aSignInLinkExpiresAfterFifteenMinutes() throws Exception {
		Learner sue = learner(platform(), "sue", unique("Sue"));
		claimed(sue);
		askSignIn(sue.address(), "192.0.2.11");
		String token = token(mails(sue.address(), "account-sign-in").get(0), SIGN_IN);
		clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(mvc.perform(get("/backpack/sign-in/" + token)).andReturn().getResponse().getStatus()).isEqualTo(410);
		MockHttpServletResponse late = mvc.perform(post("/backpack/sign-in/" + token).with(csrf())).andReturn().getResponse();
		assertThat(late.getStatus()).isEqualTo(410);
		assertThat(late.getCookie("bb_backpack")).isNull();
	}

	@Test
	void inDutchThePagesAndTheMailAreDutch() throws Exception {
		Learner sue = learner(platform(), "sue", unique("sue"));
		claimed(sue);
		assertThat(mvc.perform(get("/backpack/sign-in").param("lang", "nl")).andReturn().getResponse().getContentAsString())
				.contains("lang=\"nl\"", "Inloggen op je backpack").doesNotContain("style=");
		mvc.perform(from(post("/backpack/sign-in").param("address", sue.address()).param("lang", "nl"), "192.0.2.13"));
		OutgoingMail mail = mails(sue.address(), "account-sign-in").get(0);
		assertThat(mail.subject()).isEqualTo("Je inloglink voor je backpack");
		assertThat(mail.htmlBody()).contains("lang=\"nl\"", "Log in op je backpack");
		Cookie holder = signIn(sue.address());
		assertThat(mvc.perform(get("/backpack").param("lang", "nl").cookie(holder)).andReturn().getResponse().getContentAsString())
				.contains("lang=\"nl\"", "Je badges", "geaccepteerd").doesNotContain("style=");
	}

	@Test
	void anAddressNoAccountHoldsGetsNoMailAndTheSameAnswer() throws Exception {
		String stranger = unique("stranger");
		MockHttpServletResponse response = askSignIn(stranger, "192.0.2.12");
		assertThat(response.getRedirectedUrl()).startsWith("/backpack/sign-in?n=");
		assertThat(mails(stranger, "account-sign-in")).isEmpty();
	}

	@Test
	void signInLinksAreRateLimitedPerAddressAndPerClient() throws Exception {
		Learner sue = learner(platform(), "sue", unique("Sue"));
		claimed(sue);
		clock.startOfMinute();
		for (int i = 0; i < 3; i++) {
			askSignIn(sue.address(), "192.0.2." + (20 + i)); // three clients, one address
		}
		assertThat(mails(sue.address(), "account-sign-in")).as("two a minute per address").hasSize(2);

		Learner ben = learner(sue.platform(), "ben", unique("Ben"));
		claimed(ben);
		for (int i = 0; i < 3; i++) {
			askSignIn(unique("nobody"), "192.0.2.30"); // one client asking for strangers uses up its minute
		}
		askSignIn(ben.address(), "192.0.2.30");
		askSignIn(ben.address(), "192.0.2.30");
		assertThat(mails(ben.address(), "account-sign-in")).as("four a minute per client").hasSize(1);

		clock.advance(Duration.ofMinutes(1));
		askSignIn(ben.address(), "192.0.2.30");
		assertThat(mails(ben.address(), "account-sign-in")).as("the next minute, again").hasSize(2);
	}

	@Test
	void aSecondAddressJoinsTheAccountByItsMailedLink() throws Exception {
		Learner sue = learner(platform(), "sue", unique("Sue"));
		String account = claimed(sue);
		Cookie holder = signIn(sue.address());
		String privateAddress = unique("sue-private");
		mvc.perform(post("/backpack/addresses").param("address", privateAddress).cookie(holder).with(csrf()));
		assertThat(accountOf(privateAddress)).as("not before the link is followed").isEmpty();
		String token = token(mails(privateAddress, "account-address").get(0), ADDRESS);

		assertThat(mvc.perform(get("/backpack/addresses/verify/" + token)).andReturn().getResponse().getContentAsString())
				.contains(privateAddress, "id=\"confirm\"");
		assertThat(mvc.perform(post("/backpack/addresses/verify/" + token).with(csrf())).andReturn().getResponse().getContentAsString())
				.contains("data-outcome=\"ADDED\"");
		assertThat(accountOf(privateAddress)).contains(account);
		assertThat(backpack(holder)).contains(privateAddress);
		assertThat(mvc.perform(post("/backpack/addresses/verify/" + token).with(csrf())).andReturn().getResponse().getStatus())
				.as("used once").isEqualTo(410);

		Cookie viaPrivate = signIn(privateAddress);
		assertThat(backpack(viaPrivate)).as("the badge sent to the university address, reached from the private one")
				.contains(sue.badge().name());
	}

	@Test
	void anAddressOfAnotherAccountMergesTheTwoOnlyOnceBothConfirm() throws Exception {
		Registration platform = platform();
		Learner uni = learner(platform, "sue", unique("sue-uni"));
		Learner home = learner(platform, "sue-home", unique("sue-home"));
		String a = claimed(uni);
		String b = claimed(home);
		assertThat(a).isNotEqualTo(b);
		Cookie holderA = signIn(uni.address());
		Cookie holderB = signIn(home.address());

		mvc.perform(post("/backpack/addresses").param("address", home.address()).cookie(holderA).with(csrf()));
		String token = token(mails(home.address(), "account-address").get(0), ADDRESS);
		assertThat(mvc.perform(post("/backpack/addresses/verify/" + token).with(csrf())).andReturn().getResponse().getContentAsString())
				.contains("data-outcome=\"MERGE_REQUESTED\"");
		assertThat(accountOf(home.address())).as("proving the address alone merges nothing").contains(b);

		String merge = jdbc.sql("select id from account_merge where account_id=? and other_account_id=?").params(a, b)
				.query(String.class).single();
		assertThat(backpack(holderA)).contains("confirm-merge-" + merge);
		mvc.perform(post("/backpack/merges/" + merge + "/confirm").cookie(holderA).with(csrf()));
		mvc.perform(post("/backpack/merges/" + merge + "/confirm").cookie(holderA).with(csrf()));
		assertThat(accountOf(home.address())).as("one side confirmed, twice: still two accounts").contains(b);
		assertThat(backpack(holderB)).contains("confirm-merge-" + merge).doesNotContain(uni.address());

		mvc.perform(post("/backpack/merges/" + merge + "/confirm").cookie(holderB).with(csrf()));
		assertThat(accountOf(home.address())).as("both confirmed").contains(a);
		assertThat(backpack(holderA)).contains(uni.address(), home.address(), uni.badge().name(), home.badge().name())
				.doesNotContain("confirm-merge-");
		assertThat(backpack(holderB)).as("the other sign-in now opens the joined backpack").contains(uni.address());
	}

	@Test
	void aLaunchLinksItsLmsIdentityToOneAccountOnlyOnceTheLearnerConfirms() throws Exception {
		Registration platform = platform();
		Learner sue = learner(platform, "sue", unique("Sue"));
		String account = claimed(sue);
		Cookie lms = session(sue);
		assertThat(mvc.perform(get("/lti/account/link").cookie(lms)).andReturn().getResponse().getContentAsString())
				.contains("id=\"link-backpack\"", sue.address().toLowerCase());
		assertThat(linked(platform, "sue")).as("not before the learner confirms").isEmpty();
		mvc.perform(post("/lti/account/link").cookie(lms).with(csrf()));
		assertThat(linked(platform, "sue")).contains(account);
		assertThat(mvc.perform(get("/lti/account/link").cookie(lms)).andReturn().getResponse().getContentAsString()).contains("id=\"linked\"");

		// the same platform + subject in another course, where a claim made another account: it stays linked to the first
		Learner elsewhere = learner(platform, "sue", unique("sue-other"));
		String other = claimed(elsewhere);
		assertThat(other).isNotEqualTo(account);
		mvc.perform(post("/lti/account/link").cookie(session(elsewhere)).with(csrf()));
		assertThat(linked(platform, "sue")).contains(account);
		assertThat(jdbc.sql("select count(*) from account_lms_identity where account_id=?").param(other).query(Integer.class).single())
				.isZero();
		assertThat(backpack(signIn(sue.address()))).contains("id=\"identities\"");
	}

	Cookie session(Learner learner) {
		ToolSession s = sessions.create(learner.platform().id(), "1", learner.launch().contextId(), learner.launch().memberId(),
				learner.sub(), learner.sub(), CourseRole.LEARNER, "en", learner.launch().resourceLinkId(), learner.badge().id(), null);
		return new Cookie(ToolSessions.COOKIE, s.id());
	}

	Optional<String> linked(Registration platform, String sub) {
		return jdbc.sql("select account_id from account_lms_identity where registration_id=? and subject=?").params(platform.id(), sub)
				.query(String.class).optional();
	}
}
