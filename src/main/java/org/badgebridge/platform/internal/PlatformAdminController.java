package org.badgebridge.platform.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.badgebridge.platform.Deployment.DeploymentState;
import org.badgebridge.platform.InvalidRegistrationException;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolUrls;
import org.badgebridge.web.Admin;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/** Admin pages: list, create, edit, activate, disable and delete registrations; tool values (the keys page is {@code credential}'s: it shows the credential keys too). */
@Controller
@RequestMapping("/admin")
class PlatformAdminController {

	private final Registrations registrations;

	private final ToolUrls urls;

	private final Notices notices;

	private final RegistrationChanges changes;

	PlatformAdminController(Registrations registrations, RegistrationChanges changes, ToolUrls urls,
			Notices notices) {
		this.changes = changes;
		this.notices = notices;
		this.registrations = registrations;
		this.urls = urls;
	}

	@GetMapping("/platforms")
	String list(Admin admin, Model model) {
		model.addAttribute("registrations", registrations.all());
		model.addAttribute("urls", urls);
		return "platform/list";
	}

	@GetMapping("/platforms/new")
	String createForm(Admin admin, Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return "platform/edit";
	}

	@PostMapping("/platforms")
	String create(Admin admin, @ModelAttribute("form") RegistrationForm form, Model model) {
		try {
			Registration r = registrations.create(form.values(), "admin");
			return notices.redirect("/admin/platforms/" + r.id(), Notice.info(notices.text("admin.platform.created", r.describe())));
		}
		catch (InvalidRegistrationException | IllegalArgumentException ex) {
			model.addAttribute("error", notices.refusal(ex).message());
			return "platform/edit";
		}
	}

	@GetMapping("/platforms/{id}")
	String edit(Admin admin, @PathVariable long id, Model model) {
		Registration r = registrations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("registration", r);
		model.addAttribute("form", RegistrationForm.of(r));
		changes.find(id).ifPresent(change -> {
			model.addAttribute("change", change);
			model.addAttribute("changeRows", change.rows(r));
		});
		return "platform/edit";
	}

	@PostMapping("/platforms/{id}/change/approve")
	String approveChange(Admin admin, @PathVariable long id) {
		boolean applied;
		try {
			applied = changes.approve(id, admin.username());
		}
		catch (InvalidRegistrationException ex) {
			return notices.redirect("/admin/platforms/" + id, Notice.error(notices.text("admin.platform.change.refused", ex.getMessage())));
		}
		return notices.redirect("/admin/platforms/" + id, Notice.info(notices.text(applied
				? "admin.platform.change.applied" : "admin.platform.change.none")));
	}

	@PostMapping("/platforms/{id}/change/reject")
	String rejectChange(Admin admin, @PathVariable long id) {
		return notices.redirect("/admin/platforms/" + id, Notice.info(notices.text(changes.reject(id, admin.username())
				? "admin.platform.change.rejected" : "admin.platform.change.none")));
	}

	@PostMapping("/platforms/{id}")
	String update(Admin admin, @PathVariable long id, @ModelAttribute("form") RegistrationForm form, Model model) {
		Registration r = registrations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			registrations.update(id, form.values(), admin.username());
			return notices.redirect("/admin/platforms/" + id, Notice.info(notices.text("admin.saved")));
		}
		catch (InvalidRegistrationException | IllegalArgumentException ex) {
			model.addAttribute("registration", r);
			model.addAttribute("error", notices.refusal(ex).message());
			return "platform/edit";
		}
	}

	@PostMapping("/platforms/{id}/state")
	String state(Admin admin, @PathVariable long id, @RequestParam String state) {
		registrations.setState(id, RegistrationState.parse(state), admin.username());
		return notices.redirect("/admin/platforms", Notice.info(notices.text("admin.platform.stateChanged", notices.text("admin.state." + RegistrationState.parse(state).name().toLowerCase(java.util.Locale.ROOT)))));
	}

	@PostMapping("/platforms/{id}/deployments/{deployment}/state")
	String deploymentState(Admin admin, @PathVariable long id, @PathVariable long deployment, @RequestParam String state) {
		registrations.setDeploymentState(id, deployment, DeploymentState.valueOf(state.toUpperCase()), admin.username());
		return notices.redirect("/admin/platforms/" + id, Notice.info(notices.text("admin.platform.deployment.stateChanged", notices.text("admin.state." + state.toLowerCase(java.util.Locale.ROOT)))));
	}

	@PostMapping("/platforms/{id}/delete")
	String delete(Admin admin, @PathVariable long id) {
		registrations.delete(id, admin.username());
		return notices.redirect("/admin/platforms", Notice.info(notices.text("admin.platform.deleted")));
	}

	@GetMapping("/tool-configuration")
	String toolConfiguration(Admin admin, Model model) {
		model.addAttribute("urls", urls);
		return "platform/tool-configuration";
	}
}
