package org.badgebridge.catalogue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.BadgeDetailsTestData;
import org.badgebridge.badge.Badges;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Only badges a teacher listed appear; text search and the EQF, language and workload filters narrow them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CatalogueIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Badges badges;

	@Test
	void listedBadgesAreSearchableAndUnlistedOnesStayHidden() throws Exception {
		String suffix = Long.toString(System.nanoTime());
		BadgeClass listed = badges.create("Catalogued data literacy " + suffix, "Reads charts", 1L, "t");
		badges.update(listed.id(), listed.name(), "Reads charts", BadgeDetailsTestData.complete());
		badges.setInCatalogue(listed.id(), true);
		BadgeClass other = badges.create("Catalogued welding " + suffix, "Joins metal", 1L, "t");
		badges.update(other.id(), other.name(), "Joins metal", new BadgeDetails(null, false, null, 10.0, "ECTS", "4", null, null, null,
				"nl", null, null, null, null, null));
		badges.setInCatalogue(other.id(), true);
		BadgeClass hidden = badges.create("Hidden badge " + suffix, "", 1L, "t");

		mvc.perform(get("/catalogue").param("q", suffix)).andExpect(status().isOk())
				.andExpect(content().string(containsString(listed.name()))).andExpect(content().string(containsString(other.name())))
				.andExpect(content().string(not(containsString(hidden.name()))));
		mvc.perform(get("/catalogue").param("q", "charts " ).param("eqf", "5")).andExpect(content().string(containsString(listed.name())))
				.andExpect(content().string(not(containsString(other.name()))));
		mvc.perform(get("/catalogue").param("q", suffix).param("language", "nl"))
				.andExpect(content().string(containsString(other.name()))).andExpect(content().string(not(containsString(listed.name()))));
		mvc.perform(get("/catalogue").param("q", suffix).param("maxEcts", "5"))
				.andExpect(content().string(containsString(listed.name()))).andExpect(content().string(not(containsString(other.name()))));
		mvc.perform(get("/catalogue/" + listed.id())).andExpect(status().isOk())
				.andExpect(content().string(containsString("can clean a data set"))).andExpect(content().string(containsString("ESG 2015")));
		mvc.perform(get("/catalogue/" + hidden.id())).andExpect(status().isNotFound());
	}

}
