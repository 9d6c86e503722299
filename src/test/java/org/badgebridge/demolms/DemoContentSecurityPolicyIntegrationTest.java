package org.badgebridge.demolms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.badgebridge.platform.Registrations;
import org.badgebridge.support.DemoServerTest;
import org.badgebridge.support.HttpBrowser;
import org.badgebridge.support.PageHygiene;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, on both sites: every HTML page the demo LMS and the tool show while a teacher adds a badge and a
 * learner opens it, and the demo's own pages, each with a policy that runs no inline code
 * and HTML that needs none. The demo's policy lets it frame the tool and send the login and launch forms to it.
 */
class DemoContentSecurityPolicyIntegrationTest extends DemoServerTest {

	@Autowired
	Registrations registrations;

	final String tool = "http://localhost:" + PORT;

	@Test
	void everyPageOfTheDemoAndTheToolOnTheWayRunsNoInlineCode() throws Exception {
		org.awaitility.Awaitility.await("the demo LMS registers the tool").atMost(java.time.Duration.ofSeconds(60))
				.until(() -> !registrations.byIssuer(demo).isEmpty());
		HttpBrowser teacher = new HttpBrowser();
		HttpBrowser.Page picker = teacher.settle(teacher.get(demo + "/initiate?user=101&dl=1"));
		HttpBrowser.Page added = teacher.settle(teacher.submit(picker, "create-badge",
				Map.of("name", "CSP " + UUID.randomUUID().toString().substring(0, 6), "description", "policy")));
		assertThat(added.uri().toString()).isEqualTo(demo + "/deep-linking/return");
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("launch\\?user=201&amp;link=(\\d+)")
				.matcher(teacher.get(demo).body());
		String linkId = null;
		while (link.find()) {
			linkId = link.group(1);
		}
		teacher.get(demo + "/gradebook");
		teacher.get(demo + "/register-tool");
		teacher.get(demo + "/launch?user=101");
		HttpBrowser learner = new HttpBrowser();
		learner.settle(learner.get(demo + "/initiate?user=201&link=" + linkId));

		List<String> problems = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		for (HttpBrowser.Page page : concat(teacher.seen(), learner.seen())) {
			String type = page.headers().getOrDefault("content-type", List.of("")).get(0);
			if (!type.startsWith("text/html")) {
				continue;
			}
			String where = page.uri() + " (" + page.status() + ")";
			checked.add(where);
			List<String> policies = page.headers().getOrDefault("content-security-policy", List.of());
			problems.addAll(PageHygiene.policyProblems(where, policies.size() == 1 ? policies.get(0) : null));
			problems.addAll(PageHygiene.htmlProblems(where, page.body()));
			if (page.uri().toString().startsWith(demo)) {
				assertThat(policies.get(0)).as(where).contains("frame-src 'self' " + tool + ";", "form-action 'self' " + tool + ";");
			}
		}
		assertThat(String.join("\n", checked)).contains(demo + "/initiate", demo + "/auth", tool + "/lti/deep-linking",
				demo + "/deep-linking/return", demo + "/gradebook", demo + "/register-tool", demo + "/launch",
				tool + "/lti/learn/badges/");
		assertThat(problems).isEmpty();
	}

	static List<HttpBrowser.Page> concat(List<HttpBrowser.Page> a, List<HttpBrowser.Page> b) {
		List<HttpBrowser.Page> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
