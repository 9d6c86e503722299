package org.badgebridge.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.badgebridge.web.Admin;
import org.badgebridge.web.Dates;

/** The admin's dashboard, the first page of {@code /admin}: every figure links to the list it counts. */
@Controller
class DashboardController {

	private final DashboardFigures figures;

	private final Dates dates;

	DashboardController(DashboardFigures figures, Dates dates) {
		this.figures = figures;
		this.dates = dates;
	}

	@GetMapping({ "/admin", "/admin/" })
	String dashboard(Admin admin, Model model) {
		model.addAttribute("dashboard", figures.now(dates.zone()));
		return "console/dashboard";
	}
}
