package org.badgebridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/** The precedence of the page language, one rule at a time. */
class LanguagesTest {

	static final Locale NL = Locale.forLanguageTag("nl");

	@Test
	void theLanguagePartOfATagCountsAndOnlyEnglishAndDutchAreSpoken() {
		assertThat(Languages.supported("nl_be")).contains(NL);
		assertThat(Languages.supported("nl-NL")).contains(NL);
		assertThat(Languages.supported("NL")).contains(NL);
		assertThat(Languages.supported("en_us")).contains(Locale.ENGLISH);
		assertThat(Languages.supported("de")).isEmpty();
		assertThat(Languages.supported("")).isEmpty();
		assertThat(Languages.supported(null)).isEmpty();
	}

	Locale resolve(String session, MockHttpServletRequest request) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("session", new SessionLanguage() {
			@Override
			public Optional<String> of(HttpServletRequest r) {
				return Optional.ofNullable(session);
			}

			@Override
			public boolean choose(HttpServletRequest r, Locale language) {
				return false;
			}
		});
		return new Languages(beans.getBeanProvider(SessionLanguage.class)).resolveLocale(request);
	}

	@Test
	void theChoiceInTheAddressThenTheSessionThenTheCookieThenTheBrowserThenEnglish() {
		MockHttpServletRequest all = new MockHttpServletRequest();
		all.setParameter("lang", "en");
		all.setCookies(new Cookie("bb_lang", "nl"));
		all.addHeader("Accept-Language", "nl");
		assertThat(resolve("nl_be", all)).isEqualTo(Locale.ENGLISH);

		MockHttpServletRequest session = new MockHttpServletRequest();
		session.setCookies(new Cookie("bb_lang", "en"));
		session.addHeader("Accept-Language", "en");
		assertThat(resolve("nl_be", session)).isEqualTo(NL);

		MockHttpServletRequest cookie = new MockHttpServletRequest();
		cookie.setCookies(new Cookie("bb_lang", "nl"));
		cookie.addHeader("Accept-Language", "en");
		assertThat(resolve(null, cookie)).isEqualTo(NL);
		assertThat(resolve("de", cookie)).as("a launch language the tool does not speak counts as none").isEqualTo(NL);

		MockHttpServletRequest browser = new MockHttpServletRequest();
		browser.addHeader("Accept-Language", "de-DE,nl;q=0.7,en;q=0.5");
		assertThat(resolve(null, browser)).isEqualTo(NL);

		MockHttpServletRequest nothing = new MockHttpServletRequest();
		nothing.addHeader("Accept-Language", "de-DE,fr;q=0.5");
		assertThat(resolve(null, nothing)).isEqualTo(Locale.ENGLISH);
		assertThat(resolve(null, new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
	}
}
