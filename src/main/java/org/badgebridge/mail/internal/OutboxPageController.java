package org.badgebridge.mail.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.mail.MailFigures;
import org.badgebridge.mail.MailState;
import org.badgebridge.mail.Outbox;
import org.badgebridge.mail.OutboxFilter;
import org.badgebridge.web.Admin;
import org.badgebridge.web.Dates;
import org.badgebridge.web.ListPage;
import org.badgebridge.web.ListQuery;
import org.badgebridge.web.ListSort;

/**
 * The admin's view of the outbox: the mails a filter takes (state, kind, recipient, queued between two dates), paged,
 * sorted and counted in the database, with the totals per state; each mail's text (secrets only until delivered).
 */
@Controller
class OutboxPageController {

	static final ListSort NEWEST_FIRST = new ListSort("queued", true);

	private final Outbox outbox;

	private final MailFigures figures;

	private final OutboxDelivery delivery;

	private final Dates dates;

	OutboxPageController(Outbox outbox, MailFigures figures, OutboxDelivery delivery, Dates dates) {
		this.outbox = outbox;
		this.figures = figures;
		this.delivery = delivery;
		this.dates = dates;
	}

	@GetMapping("/admin/outbox")
	String outbox(Admin admin, @RequestParam(required = false) String state, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String recipient, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, Model model) {
		ZoneId zone = dates.zone();
		LocalDate fromDate = ListQuery.date(from);
		LocalDate toDate = ListQuery.date(to);
		OutboxFilter filter = new OutboxFilter(ListQuery.option(MailState.class, state), ListQuery.text(kind), ListQuery.text(recipient),
				fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
				toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant());
		ListSort order = ListSort.parse(sort, Set.copyOf(Outbox.ORDERS.keySet()), NEWEST_FIRST);
		ListPage paging = ListPage.of(page, ListPage.SIZE, outbox.count(filter));
		ListQuery query = ListQuery.of("/admin/outbox", order).with("state", filter.state() == null ? null : filter.state().name())
				.with("kind", filter.kind()).with("recipient", filter.recipient()).with("from", fromDate).with("to", toDate);
		model.addAttribute("mails", outbox.list(filter, order.column(), order.descending(), paging.offset(), paging.size()));
		model.addAttribute("paging", paging);
		model.addAttribute("query", query);
		model.addAttribute("filter", filter);
		model.addAttribute("from", fromDate);
		model.addAttribute("to", toDate);
		model.addAttribute("states", MailState.values());
		model.addAttribute("totals", figures.byState(filter));
		model.addAttribute("kinds", figures.kinds());
		model.addAttribute("smtp", delivery.smtpConfigured());
		model.addAttribute("retentionDays", delivery.secretRetention().toDays());
		return "mail/outbox";
	}
}
