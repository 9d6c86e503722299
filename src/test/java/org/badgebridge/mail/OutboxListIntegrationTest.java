package org.badgebridge.mail;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.support.AdminLists;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox page: more mails than a page, filtered, sorted and counted in the database, with totals per state. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OutboxListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	String kind;

	@BeforeEach
	void mails() {
		kind = "listtest" + System.nanoTime();
		long base = System.currentTimeMillis() - 3_600_000L;
		for (int i = 0; i < 120; i++) {
			String recipient = String.format("p%03d-%s@example.edu", i, kind);
			outbox.queue(kind + ":" + i, recipient, "Mail " + i, "text " + i, "<p>" + i + "</p>");
			jdbc.sql("update mail_outbox set created_at=? where dedup_key=?").params(base + i * 1000L, kind + ":" + i).update();
		}
		List<String> ids = jdbc.sql("select id from mail_outbox where dedup_key like ? order by created_at").param(kind + ":%")
				.query(String.class).list();
		ids.subList(0, 10).forEach(outbox::sent);
		ids.subList(10, 15).forEach(id -> outbox.failed(id, "mailbox busy", false, System.currentTimeMillis() + 60_000));
	}

	@Test
	void pagedNewestFirstWithTheTotalAndTheLastPage() throws Exception {
		String first = AdminLists.page(mvc, "/admin/outbox?kind=" + kind);
		assertThat(AdminLists.summary(first)).isEqualTo("1–50 of 120");
		List<String> recipients = AdminLists.cells(first, "mail-recipient");
		assertThat(recipients).hasSize(50).first().asString().startsWith("p119-");
		assertThat(first).contains("id=\"col-queued\" aria-sort=\"descending\"");
		String last = AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&sort=queued-desc&page=3");
		assertThat(AdminLists.summary(last)).isEqualTo("101–120 of 120");
		assertThat(AdminLists.cells(last, "mail-recipient")).hasSize(20).last().asString().startsWith("p000-");
		assertThat(AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&page=99")).as("a page past the end shows the last")
				.contains("101–120 of 120");
	}

	@Test
	void sortedBothWaysWithAStableOrder() throws Exception {
		String oldest = AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&sort=queued");
		assertThat(AdminLists.cells(oldest, "mail-recipient").get(0)).startsWith("p000-");
		assertThat(oldest).contains("id=\"col-queued\" aria-sort=\"ascending\"");
		String byRecipientDesc = AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&sort=recipient-desc");
		assertThat(AdminLists.cells(byRecipientDesc, "mail-recipient").get(0)).startsWith("p119-");
		// the same order twice: pages never repeat nor skip a mail
		List<String> pages = new java.util.ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			pages.addAll(AdminLists.cells(AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&sort=state&page=" + page), "mail-recipient"));
		}
		assertThat(pages).hasSize(120).doesNotHaveDuplicates();
	}

	@Test
	void filteredByStateRecipientAndDatesWithTotalsPerState() throws Exception {
		String sent = AdminLists.page(mvc, "/admin/outbox?state=SENT&kind=" + kind);
		assertThat(AdminLists.total(sent)).isEqualTo(10);
		assertThat(sent).contains(">queued 105<", ">retrying 5<", ">sent 10<", ">failed 0<");
		assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/outbox?state=retrying&kind=" + kind))).isEqualTo(5);
		assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&recipient=P01"))).as("p010 to p019")
				.isEqualTo(10);
		java.time.LocalDate tomorrow = java.time.LocalDate.now().plusDays(2);
		assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&from=" + tomorrow))).isZero();
		assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&to=" + tomorrow))).isEqualTo(120);
		assertThat(AdminLists.page(mvc, "/admin/outbox?kind=" + kind + "&from=" + tomorrow)).contains("Nothing matches these filters.");
	}

	/** A mail's kind reads as words in the page's language (it was the key's code, "account-sign-in"); an unknown one as it is. */
	@Test
	void theKindOfAMailInWordsInEachLanguage() throws Exception {
		String recipient = "kind-" + kind + "@example.edu";
		outbox.queue("account-sign-in:" + kind, recipient, "Your sign-in link", "text", "<p>text</p>");
		assertThat(AdminLists.page(mvc, "/admin/outbox?recipient=" + recipient))
				.contains("<td class=\"mail-kind\">Backpack sign-in link</td>", "<option value=\"account-sign-in\">Backpack sign-in link</option>")
				.doesNotContain("<td class=\"mail-kind\">account-sign-in</td>");
		assertThat(AdminLists.page(mvc, "/admin/outbox?recipient=" + recipient, "nl"))
				.contains("<td class=\"mail-kind\">Inloglink voor de backpack</td>");
		assertThat(AdminLists.page(mvc, "/admin/outbox?kind=" + kind)).contains("<td class=\"mail-kind\">" + kind + "</td>");
	}

	@Test
	void inDutch() throws Exception {
		String page = AdminLists.page(mvc, "/admin/outbox?kind=" + kind, "nl");
		assertThat(page).contains("<html lang=\"nl\"", "1–50 van 120", "Volgende pagina", "<caption class=\"visually-hidden\">Mails in de uitgaande post");
	}
}
