package org.badgebridge.account.internal;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.account.BackpackHolder;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * The holder's privacy page ({@code /backpack/privacy}): download all their data as JSON, switch claim reminders off or
 * on, and delete the account after a confirmation step (a page saying what happens, and its own button).
 */
@Controller
class PrivacyController {

	static final String PAGE = BackpackController.HOME + "/privacy";

	/** The value the confirmation page's button sends; a request without it deletes nothing. */
	static final String CONFIRM = "delete-my-account";

	private final PrivacyExport export;

	private final AccountDeletion deletion;

	private final ReminderSettings reminders;

	private final PrivacyAwards holderAwards;

	private final BackpackSessions sessions;

	private final Notices notices;

	private final Clock clock;

	PrivacyController(PrivacyExport export, AccountDeletion deletion, ReminderSettings reminders, PrivacyAwards holderAwards,
			BackpackSessions sessions, Notices notices, Clock clock) {
		this.export = export;
		this.deletion = deletion;
		this.reminders = reminders;
		this.holderAwards = holderAwards;
		this.sessions = sessions;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String show(BackpackHolder holder, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("remindersOff", reminders.off(holder.accountId()));
		return "account/privacy";
	}

	@GetMapping(PAGE + "/export")
	ResponseEntity<Map<String, Object>> download(BackpackHolder holder) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("badgebridge-my-data.json").build().toString())
				.body(export.export(holder.accountId(), clock.instant()));
	}

	@PostMapping(PAGE + "/reminders")
	String reminders(BackpackHolder holder, @RequestParam(defaultValue = "false") boolean off) {
		reminders.set(holder.accountId(), off);
		return notices.redirect(PAGE, Notice.info(notices.text(off ? "learning.privacy.reminders.nowOff" : "learning.privacy.reminders.nowOn")));
	}

	@GetMapping(PAGE + "/delete")
	String confirmDeletion(BackpackHolder holder, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("awards", holderAwards.of(holder.accountId()).size());
		model.addAttribute("confirm", CONFIRM);
		return "account/delete";
	}

	@PostMapping(PAGE + "/delete")
	String delete(BackpackHolder holder, @RequestParam(required = false) String confirm, Model model, HttpServletResponse response) {
		if (!CONFIRM.equals(confirm)) {
			return notices.redirect(PAGE + "/delete", Notice.error(notices.text("learning.privacy.delete.notConfirmed")));
		}
		AccountDeletion.Deleted deleted = deletion.delete(holder.accountId());
		response.addHeader(HttpHeaders.SET_COOKIE, sessions.close(holder).toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("deleted", deleted);
		return "account/deleted";
	}
}
