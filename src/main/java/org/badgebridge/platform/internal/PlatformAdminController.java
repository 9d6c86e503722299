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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.badgebridge.platform.Deployment.DeploymentState;
import org.badgebridge.platform.InvalidRegistrationException;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.platform.ToolUrls;

/** Admin pages: list, create, edit, activate, disable and delete registrations; tool values; keys. */
@Controller
@RequestMapping("/admin")
class PlatformAdminController {

	private final Registrations registrations;

	private final ToolUrls urls;

	private final ToolKeys keys;

	PlatformAdminController(Registrations registrations, ToolUrls urls, ToolKeys keys) {
		this.registrations = registrations;
		this.urls = urls;
		this.keys = keys;
	}

	@GetMapping({ "", "/" })
	String index() {
		return "redirect:/admin/platforms";
	}

	@GetMapping("/platforms")
	String list(Model model) {
		model.addAttribute("registrations", registrations.all());
		model.addAttribute("urls", urls);
		return "platform/list";
	}

	@GetMapping("/platforms/new")
	String createForm(Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return "platform/edit";
	}

	@PostMapping("/platforms")
	String create(@ModelAttribute("form") RegistrationForm form, Model model, RedirectAttributes redirect) {
		try {
			Registration r = registrations.create(form.values(), "admin");
			redirect.addFlashAttribute("notice", "Registration created for " + r.describe() + ".");
			return "redirect:/admin/platforms/" + r.id();
		}
		catch (InvalidRegistrationException | IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			return "platform/edit";
		}
	}

	@GetMapping("/platforms/{id}")
	String edit(@PathVariable long id, Model model) {
		Registration r = registrations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("registration", r);
		model.addAttribute("form", RegistrationForm.of(r));
		return "platform/edit";
	}

	@PostMapping("/platforms/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") RegistrationForm form, Model model,
			RedirectAttributes redirect) {
		Registration r = registrations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			registrations.update(id, form.values());
			redirect.addFlashAttribute("notice", "Saved.");
			return "redirect:/admin/platforms/" + id;
		}
		catch (InvalidRegistrationException | IllegalArgumentException ex) {
			model.addAttribute("registration", r);
			model.addAttribute("error", ex.getMessage());
			return "platform/edit";
		}
	}

	@PostMapping("/platforms/{id}/state")
	String state(@PathVariable long id, @RequestParam String state, RedirectAttributes redirect) {
		registrations.setState(id, RegistrationState.parse(state));
		redirect.addFlashAttribute("notice", "Registration is now " + state.toLowerCase() + ".");
		return "redirect:/admin/platforms";
	}

	@PostMapping("/platforms/{id}/deployments/{deployment}/state")
	String deploymentState(@PathVariable long id, @PathVariable long deployment, @RequestParam String state,
			RedirectAttributes redirect) {
		registrations.setDeploymentState(id, deployment, DeploymentState.valueOf(state.toUpperCase()));
		redirect.addFlashAttribute("notice", "Deployment is now " + state.toLowerCase() + ".");
		return "redirect:/admin/platforms/" + id;
	}

	@PostMapping("/platforms/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		registrations.delete(id);
		redirect.addFlashAttribute("notice", "Registration deleted.");
		return "redirect:/admin/platforms";
	}

	@GetMapping("/tool-configuration")
	String toolConfiguration(Model model) {
		model.addAttribute("urls", urls);
		return "platform/tool-configuration";
	}

	@GetMapping("/keys")
	String keys(Model model) {
		model.addAttribute("jwks", keys.publicJwks().getKeys());
		model.addAttribute("currentKid", keys.current().getKeyID());
		return "platform/keys";
	}

	@PostMapping("/keys/rotate")
	String rotate(RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "New signing key " + keys.rotate().getKeyID()
				+ ". The previous key stays published until tokens signed with it have expired.");
		return "redirect:/admin/keys";
	}
}
