package org.badgebridge.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.BadgeAwarded;
import org.badgebridge.support.CourseActors;

/**
 * Every request is one piece of work with a correlation id: the response header, the id an error page shows, the
 * request's log lines and the events it publishes (a teacher's manual award) carry the same one. A proxy's plain
 * request id is kept; anything that could forge a log line is replaced.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RequestCorrelationIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseActors actors;

	@Autowired
	Awarded awarded;

	@TestConfiguration
	static class Listener {

		@Bean
		Awarded awarded() {
			return new Awarded();
		}
	}

	static class Awarded {

		final List<BadgeAwarded> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BadgeAwarded event) {
			events.add(event);
		}
	}

	@Test
	void aManualAwardCarriesTheRequestsIdIntoItsEvent() throws Exception {
		CourseActors.Cast cast = actors.cast();
		MockHttpServletResponse response = mvc.perform(post("/lti/teach/badges/" + cast.badge().id() + "/award")
				.cookie(cast.teacher()).param("learner", "s2").param("reason", "oral exam").header("X-Request-Id", "proxy-req-4711")
				.with(csrf())).andReturn().getResponse();
		assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("proxy-req-4711");
		assertThat(awarded.events).filteredOn(e -> e.badgeId().equals(cast.badge().id()) && e.userSub().equals("s2"))
				.singleElement().extracting(BadgeAwarded::correlationId).isEqualTo("proxy-req-4711");
	}

	@Test
	void aRefusedPageShowsTheIdOfItsRequestAndItsLogLine(CapturedOutput output) throws Exception {
		CourseActors.Cast cast = actors.cast();
		MockHttpServletResponse response = mvc.perform(get("/lti/teach/badges/" + cast.badge().id()).cookie(cast.learner()))
				.andReturn().getResponse();
		String id = response.getHeader("X-Correlation-Id");
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(id).matches("[0-9a-f-]{12}");
		assertThat(response.getContentAsString()).contains("<code id=\"correlation\">" + id + "</code>");
		assertThat(output.getOut()).contains("correlation id " + id);
	}

	@Test
	void aForgedIdIsReplacedAndEveryRequestGetsItsOwn() throws Exception {
		String forged = mvc.perform(get("/").header("X-Correlation-Id", "x\n2026 INFO fake line"))
				.andReturn().getResponse().getHeader("X-Correlation-Id");
		String tooShort = mvc.perform(get("/").header("X-Request-Id", "abc")).andReturn().getResponse().getHeader("X-Correlation-Id");
		String plain = mvc.perform(get("/")).andReturn().getResponse().getHeader("X-Correlation-Id");
		assertThat(forged).matches("[0-9a-f-]{12}");
		assertThat(tooShort).matches("[0-9a-f-]{12}");
		assertThat(List.of(forged, tooShort, plain)).doesNotHaveDuplicates();
	}
}
