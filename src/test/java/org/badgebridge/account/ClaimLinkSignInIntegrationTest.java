package org.badgebridge.account;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Claiming by the mailed link signs in to the backpack of the address the link was mailed to, and of no other: when the
 * award's address changed after the mail (the LMS's data: a learner who set someone else's address in the LMS), the
 * old link still claims the badge but opens nobody's backpack.
 */
class ClaimLinkSignInIntegrationTest extends BackpackTests {

	@Test
	void theLinkSignsInOnlyToTheBackpackOfTheAddressItWasMailedTo() throws Exception {
		String victimAddress = unique("victim");
		Cookie victim = claimByLink(sent(victimAddress));

		Sent attackers = sent(unique("mallory"));
		// after the mail went out, the award's address became the victim's (as an LMS profile change would make it)
		jdbc.sql("update award set recipient_email=? where id=?").params(victimAddress, attackers.award().id()).update();

		MockHttpServletResponse accepted = mvc.perform(post("/claim/" + attackers.token()).with(csrf())).andReturn().getResponse();
		assertThat(accepted.getStatus()).isEqualTo(200);
		assertThat(accepted.getHeaders("Set-Cookie")).as("no backpack session from a link mailed to another address")
				.noneMatch(c -> c.startsWith("bb_backpack="));
		assertThat(awards.find(attackers.award().id()).orElseThrow().claimed()).as("the badge itself is claimed").isTrue();
		assertThat(mvc.perform(get("/backpack").cookie(victim)).andReturn().getResponse().getStatus())
				.as("the victim's own sign-in still works").isEqualTo(200);
	}
}
