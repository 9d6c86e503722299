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
import org.badgebridge.badge.CatalogueListing;

import static org.assertj.core.api.Assertions.assertThat;
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

	@Autowired
	CatalogueListing listing;

	@Test
	void theListIsPagedCountedAndFilteredInTheDatabase() throws Exception {
		String suffix = "paged" + System.nanoTime();
		for (int i = 0; i < 30; i++) {
			BadgeClass b = badges.create(String.format("Paged badge %s %02d", suffix, i), "Listed", 1L, "t");
			badges.update(b.id(), b.name(), "Listed", i % 2 == 0 ? BadgeDetailsTestData.complete()
					: new BadgeDetails(null, false, null, 10.0, "ECTS", "4", null, null, null, "nl", null, null, null, null, null));
			badges.setInCatalogue(b.id(), i != 29); // the last one is not listed
		}

		CatalogueListing.Page first = listing.page(new CatalogueListing.Filter(suffix, null, null, null, null), 1, 24);
		assertThat(first.total()).isEqualTo(29);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.badges()).hasSize(24).extracting(BadgeClass::name).first().asString().endsWith(" 00");
		CatalogueListing.Page second = listing.page(new CatalogueListing.Filter(suffix, null, null, null, null), 2, 24);
		assertThat(second.badges()).extracting(BadgeClass::name).hasSize(5).allMatch(n -> n.compareTo(first.badges().get(23).name()) > 0);
		assertThat(listing.page(new CatalogueListing.Filter(suffix, null, null, null, null), 99, 24).page()).as("beyond the end: the last page")
				.isEqualTo(2);
		CatalogueListing.Page eqf4 = listing.page(new CatalogueListing.Filter(suffix.toUpperCase(), null, "4", "NL", 10.0), 1, 24);
		assertThat(eqf4.total()).as("odd ones: EQF 4, Dutch, 10 ECTS; the 29th unlisted").isEqualTo(14);
		assertThat(eqf4.badges()).allMatch(b -> "4".equals(b.details().eqfLevel()));
		assertThat(listing.page(new CatalogueListing.Filter(suffix, null, null, null, 9.0), 1, 24).total()).isEqualTo(15);
		assertThat(listing.page(new CatalogueListing.Filter("%" + suffix, null, null, null, null), 1, 24).total())
				.as("% is a character to search for, not a wildcard").isZero();

		mvc.perform(get("/catalogue").param("q", suffix)).andExpect(content().string(containsString("Badges 1–24 of 29")))
				.andExpect(content().string(containsString("Page 1 of 2"))).andExpect(content().string(containsString("page=2")));
		mvc.perform(get("/catalogue").param("q", suffix).param("page", "2")).andExpect(content().string(containsString("Badges 25–29 of 29")))
				.andExpect(content().string(containsString(suffix + " 28"))).andExpect(content().string(not(containsString(suffix + " 00"))));
	}

}
