package org.badgebridge.mail.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.badgebridge.web.Admin;

import org.badgebridge.mail.Outbox;

/** The admin's view of the outbox: every mail, its state, and its text (secrets only until delivered). */
@Controller
class OutboxPageController {

	private final Outbox outbox;

	private final OutboxDelivery delivery;

	OutboxPageController(Outbox outbox, OutboxDelivery delivery) {
		this.outbox = outbox;
		this.delivery = delivery;
	}

	@GetMapping("/admin/outbox")
	String outbox(Admin admin, Model model) {
		model.addAttribute("mails", outbox.recent(200));
		model.addAttribute("smtp", delivery.smtpConfigured());
		java.time.Duration retention = delivery.secretRetention();
		model.addAttribute("retentionDays", retention.toDays());
		return "mail/outbox";
	}
}
