package org.badgebridge.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.badgebridge.account.Holders.Learner;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.platform.Registration;

import static org.assertj.core.api.Assertions.assertThat;
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
@Import(Holders.class)
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

	static final Pattern SIGN_IN = Holders.SIGN_IN;

	static final Pattern ADDRESS = Pattern.compile("/backpack/addresses/verify/([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	Courses courses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Holders holders;

	Learner learner(Registration platform, String sub, String address) {
		return holders.learner(platform, sub, address);
	}

	Registration platform() {
		return holders.platform();
	}

	static String unique(String name) {
		return Holders.unique(name);
	}

	String claimed(Learner learner) {
		return holders.claimed(learner);
	}

	Optional<String> accountOf(String address) {
		return holders.accountOf(address);
	}

	List<OutgoingMail> mails(String address, String kind) {
		return holders.mails(address, kind);
	}

	static String token(OutgoingMail mail, Pattern link) {
		return Holders.token(mail, link);
	}

	MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String client) {
		return request.with(csrf()).with(r -> {
			r.setRemoteAddr(client);
			return r;
		});
	}

	MockHttpServletResponse askSignIn(String address, String client) throws Exception {
		return holders.askSignIn(address, client);
	}

	Cookie signIn(String address) throws Exception {
		return holders.signIn(address);
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
		assertThat(mvc.perform(post("/backpack/addresses/verify/" + token).with(csrf())).andReturn().getResponse().getStatus())
				.as("the link alone, without the asking backpack's sign-in, confirms nothing").isEqualTo(401);
		Cookie stranger = signIn(claimedAddress(learner(platform(), "ben", unique("Ben"))));
		MockHttpServletResponse wrong = mvc.perform(post("/backpack/addresses/verify/" + token).cookie(stranger).with(csrf()))
				.andReturn().getResponse();
		assertThat(wrong.getStatus()).as("another backpack's sign-in").isEqualTo(403);
		assertThat(wrong.getContentAsString()).contains("data-outcome=\"OTHER_ACCOUNT\"");
		assertThat(accountOf(privateAddress)).isEmpty();
		assertThat(mvc.perform(post("/backpack/addresses/verify/" + token).cookie(holder).with(csrf())).andReturn().getResponse()
				.getContentAsString()).contains("data-outcome=\"ADDED\"");
		assertThat(accountOf(privateAddress)).contains(account);
		assertThat(backpack(holder)).contains(privateAddress);
		assertThat(mvc.perform(post("/backpack/addresses/verify/" + token).cookie(holder).with(csrf())).andReturn().getResponse()
				.getStatus()).as("used once").isEqualTo(410);

		Cookie viaPrivate = signIn(privateAddress);
		assertThat(backpack(viaPrivate)).as("the badge sent to the university address, reached from the private one")
				.contains(sue.badge().name());
	}

	/** Claims an award of the learner and returns their address (the account is made by the claim). */
	String claimedAddress(Learner learner) {
		claimed(learner);
		return learner.address();
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
		assertThat(mvc.perform(post("/backpack/addresses/verify/" + token).cookie(holderA).with(csrf())).andReturn().getResponse()
				.getContentAsString()).contains("data-outcome=\"MERGE_REQUESTED\"");
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
				.contains("id=\"link-backpack\"", "s***" + sue.address().toLowerCase().substring(sue.address().indexOf('@')))
				.as("the account's addresses only masked: the LMS alone vouches for this person's address")
				.doesNotContain(sue.address().toLowerCase());
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
		return holders.session(learner);
	}

	Optional<String> linked(Registration platform, String sub) {
		return jdbc.sql("select account_id from account_lms_identity where registration_id=? and subject=?").params(platform.id(), sub)
				.query(String.class).optional();
	}
}
