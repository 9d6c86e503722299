package org.badgebridge.launch.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.CriteriaJson;
import org.badgebridge.badge.Criterion;
import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.claim.ClaimMails;
import org.badgebridge.course.CourseColumns;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.Courses;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.lms.LmsCallFailed;

/**
 * A badge's pages inside the LMS: for teachers the criteria editor over the columns the tool can read,
 * column creation, awarding on/off, sync now and the learner table with manual award and revocation; for
 * learners their progress per criterion and their award.
 */
@Controller
class BadgePagesController {

	private final Badges badges;

	private final Courses courses;

	private final CourseData courseData;

	private final CourseColumns columns;

	private final CourseSyncs syncs;

	private final Awards awards;

	private final ClaimMails claimMails;

	private final org.badgebridge.award.Approvals approvals;

	private final org.badgebridge.claim.EmailConfirmations emails;

	private final org.badgebridge.badge.BadgeImages images;

	static final java.time.Duration LEARNER_SYNC_BUDGET = java.time.Duration.ofSeconds(2);

	BadgePagesController(Badges badges, Courses courses, CourseData courseData, CourseColumns columns, CourseSyncs syncs,
			Awards awards, ClaimMails claimMails, org.badgebridge.award.Approvals approvals,
			org.badgebridge.claim.EmailConfirmations emails, org.badgebridge.badge.BadgeImages images) {
		this.images = images;
		this.emails = emails;
		this.approvals = approvals;
		this.badges = badges;
		this.courses = courses;
		this.courseData = courseData;
		this.columns = columns;
		this.syncs = syncs;
		this.awards = awards;
		this.claimMails = claimMails;
	}

	@GetMapping("/lti/badges/{id}")
	String badge(@PathVariable String id, ToolSession session, Model model) {
		BadgeClass badge = badgeOf(id, session);
		model.addAttribute("badge", badge);
		model.addAttribute("imageUrl", images.exists(badge.id()) ? "/badges/" + badge.id() + "/image" : null);
		model.addAttribute("toolSession", session);
		model.addAttribute("course", courses.context(session.contextId()).orElse(null));
		if (!session.isTeacher()) {
			// fresh results for this learner, within about two seconds; else the last sync's data, "as of" its time
			boolean fresh = badge.active() && syncs.syncLearner(session.contextId(), session.userSub(), LEARNER_SYNC_BUDGET);
			if (fresh) {
				awards.evaluateLearner(session.contextId(), session.userSub());
			}
			model.addAttribute("fresh", fresh);
		}
		if (!session.isTeacher()) {
			model.addAttribute("standing", awards.standing(badge, session.userSub()).orElse(null));
			model.addAttribute("award", awards.forLearner(badge.id(), session.contextId(), session.userSub()).orElse(null));
			model.addAttribute("sync", syncs.status(session.contextId()).orElse(null));
			model.addAttribute("approvalCriteria", badge.hasCriteria() ? badge.criteria().approvals() : List.of());
			Map<String, org.badgebridge.award.Approvals.Request> requests = new java.util.HashMap<>();
			approvals.forLearner(badge.id(), session.contextId(), session.userSub()).forEach(r -> requests.put(r.criterionKey(), r));
			model.addAttribute("approvalRequests", requests);
			model.addAttribute("needsEmail", courseData.member(session.contextId(), session.userSub()).map(m -> m.email() == null)
					.orElse(true));
			model.addAttribute("codeSent", emails.pending(session.contextId(), session.userSub()));
			return "launch/badge-learner";
		}
		List<Awards.Standing> standings = awards.standings(badge);
		List<CourseData.Column> courseColumns = courseData.columns(session.contextId());
		model.addAttribute("columns", courseColumns);
		model.addAttribute("mirrors", courseColumns.stream().filter(CourseColumns::isMirror).toList());
		model.addAttribute("resultCounts", courseData.resultCounts(session.contextId()));
		model.addAttribute("standings", standings);
		model.addAttribute("sync", syncs.status(session.contextId()).orElse(null));
		model.addAttribute("criteriaJson", badge.hasCriteria() ? CriteriaJson.write(badge.criteria()) : "");
		model.addAttribute("pendingApprovals", approvals.pending(badge.id(), session.contextId()));
		model.addAttribute("meetingPerCriterion", meetingPerCriterion(standings));
		org.badgebridge.badge.IssuerProfile issuer = badges.issuer(badge);
		model.addAttribute("inCatalogue", badges.inCatalogue(badge.id()));
		model.addAttribute("issuer", issuer);
		model.addAttribute("missingElements", badge.details().withIssuer(issuer).missingForMicroCredential());
		List<String> known = courseColumns.stream().map(CourseData.Column::url).toList();
		model.addAttribute("vanishedColumns", badge.hasCriteria() ? badge.criteria().columns().stream()
				.filter(c -> !known.contains(c.lineItemId())).map(c -> c.label() != null ? c.label() : c.lineItemId()).toList()
				: List.of());
		model.addAttribute("meeting", standings.stream().filter(s -> s.outcome() != null && s.outcome().met()).count());
		return "launch/badge-teacher";
	}

	@PostMapping("/lti/badges/{id}/image")
	String image(@PathVariable String id, ToolSession session,
			@RequestParam("image") org.springframework.web.multipart.MultipartFile file, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		try {
			images.store(badge.id(), file.getBytes());
			redirect.addFlashAttribute("notice", "Image saved.");
		}
		catch (InvalidBadgeException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (java.io.IOException ex) {
			redirect.addFlashAttribute("error", "The upload could not be read.");
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/details")
	String details(@PathVariable String id, ToolSession session, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		try {
			badges.update(badge.id(), form.get("name"), form.get("description"), new org.badgebridge.badge.BadgeDetails(
					text(form, "criteriaNarrative"), "on".equals(form.get("microCredential")) || "true".equals(form.get("microCredential")),
					text(form, "learningOutcomes"), number(form, "workloadValue"), text(form, "workloadUnit"), text(form, "eqfLevel"),
					text(form, "assessmentType"), text(form, "participation"), text(form, "qualityAssurance"), text(form, "language"),
					text(form, "prerequisites"), text(form, "stackability"),
					number(form, "expiryMonths") == null ? null : number(form, "expiryMonths").intValue(), text(form, "awardingBody"),
					text(form, "country")));
			redirect.addFlashAttribute("notice", "Badge saved.");
		}
		catch (InvalidBadgeException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	/** For each criterion (by key): its label and how many learners meet it now. */
	static Map<String, Object[]> meetingPerCriterion(List<Awards.Standing> standings) {
		Map<String, Object[]> counts = new java.util.LinkedHashMap<>();
		for (Awards.Standing s : standings) {
			if (s.outcome() != null) {
				count(s.outcome().progress(), counts);
			}
		}
		return counts;
	}

	private static void count(org.badgebridge.badge.Evaluation.Progress p, Map<String, Object[]> counts) {
		Object[] entry = counts.computeIfAbsent(p.key(), k -> new Object[] { p.label(), 0 });
		if (p.met()) {
			entry[1] = (Integer) entry[1] + 1;
		}
		p.children().forEach(c -> count(c, counts));
	}

	private static String text(Map<String, String> form, String key) {
		String v = form.get(key);
		return v == null || v.isBlank() ? null : v.trim();
	}

	private static Double number(Map<String, String> form, String key) {
		String v = text(form, key);
		if (v == null) {
			return null;
		}
		try {
			return Double.parseDouble(v.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new InvalidBadgeException("Not a number: " + v);
		}
	}

	@PostMapping("/lti/badges/{id}/catalogue")
	String catalogue(@PathVariable String id, ToolSession session, @RequestParam boolean listed, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		badges.setInCatalogue(badge.id(), listed);
		redirect.addFlashAttribute("notice", listed ? "The badge is listed in the public catalogue." : "The badge is no longer listed.");
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/columns")
	String createColumn(@PathVariable String id, ToolSession session, @RequestParam String label,
			@RequestParam(defaultValue = "100") double maximum, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		try {
			CourseData.Column column = columns.create(session.contextId(), badge.id(), label, maximum);
			redirect.addFlashAttribute("notice", "Column \"" + column.label() + "\" created in the LMS gradebook. Grade it there.");
		}
		catch (IllegalArgumentException | IllegalStateException | LmsCallFailed ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/mirrors")
	String createMirror(@PathVariable String id, ToolSession session, @RequestParam String label, @RequestParam String source,
			@RequestParam(defaultValue = "100") double maximum, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		try {
			CourseData.Column column = columns.createMirror(session.contextId(), badge.id(), label, source, maximum);
			redirect.addFlashAttribute("notice", "Mirror column \"" + column.label() + "\" created. Now give it the calculation =[["
					+ source.trim() + "]] in the LMS gradebook (steps below).");
		}
		catch (IllegalArgumentException | IllegalStateException | LmsCallFailed ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/criteria")
	String criteria(@PathVariable String id, ToolSession session, @RequestParam(required = false) String column,
			@RequestParam(required = false) String threshold, @RequestParam(required = false) Double value,
			@RequestParam(required = false) String json, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		try {
			Criteria criteria;
			if (json != null && !json.isBlank()) {
				criteria = CriteriaJson.read(json);
			}
			else {
				CourseData.Column col = courseData.columns(session.contextId()).stream().filter(c -> c.url().equals(column))
						.findFirst().orElseThrow(() -> new InvalidBadgeException("Choose one of the columns the tool can read."));
				Criterion.Threshold t = Criterion.Threshold.valueOf(threshold == null ? "PERCENT" : threshold);
				criteria = new Criteria(new Criterion.ScoreRule("rule-1", new Criterion.Column(col.url(), col.resourceId(), col.tag(),
						col.label()), t, value == null ? 0 : value), null);
			}
			List<String> known = courseData.columns(session.contextId()).stream().map(CourseData.Column::url).toList();
			for (Criterion.Column c : criteria.columns()) {
				if (!known.contains(c.lineItemId())) {
					throw new InvalidBadgeException("The criteria name a column that this course does not have (any more): "
							+ (c.label() != null ? c.label() : c.lineItemId()));
				}
			}
			badges.setCriteria(badge.id(), criteria);
			redirect.addFlashAttribute("notice", "Criteria saved.");
		}
		catch (InvalidBadgeException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/awarding")
	String awarding(@PathVariable String id, ToolSession session, @RequestParam boolean on, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		try {
			badges.setActive(badge.id(), on);
			redirect.addFlashAttribute("notice", on ? "Automatic awarding is on: the course is synced now and then every minute "
					+ "while it is active." : "Automatic awarding is off.");
		}
		catch (InvalidBadgeException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/sync")
	String syncNow(@PathVariable String id, ToolSession session, RedirectAttributes redirect) {
		teacherBadge(id, session);
		syncs.syncNow(session.contextId());
		redirect.addFlashAttribute("notice", "Sync started.");
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/award")
	String award(@PathVariable String id, ToolSession session, @RequestParam String learner,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		try {
			awards.awardByHand(badge.id(), learner, actor(session), reason);
			redirect.addFlashAttribute("notice", "Awarded.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/revoke")
	String revoke(@PathVariable String id, ToolSession session, @RequestParam String award, @RequestParam String reason,
			RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		Award a = awardOf(badge, session, award);
		try {
			awards.revoke(a.id(), actor(session), reason);
			redirect.addFlashAttribute("notice", "Revoked.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	/** Suspends an award (its credential reads "suspended" until reinstated) or reinstates it. */
	@PostMapping("/lti/badges/{id}/suspension")
	String suspension(@PathVariable String id, ToolSession session, @RequestParam String award,
			@RequestParam(required = false) String reason, @RequestParam boolean suspend, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		Award a = awardOf(badge, session, award);
		try {
			if (suspend) {
				awards.suspend(a.id(), actor(session), reason);
				redirect.addFlashAttribute("notice", "Suspended: verifiers now see the credential as suspended.");
			}
			else {
				awards.reinstate(a.id(), actor(session));
				redirect.addFlashAttribute("notice", "Reinstated.");
			}
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/approval-requests")
	String requestApproval(@PathVariable String id, ToolSession session, @RequestParam String criterion,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		BadgeClass badge = badgeOf(id, session);
		if (session.isTeacher() || !badge.hasCriteria()
				|| badge.criteria().approvals().stream().noneMatch(a -> a.key().equals(criterion))) {
			throw LaunchRejected.forbidden("There is no such approval to ask for.");
		}
		try {
			approvals.request(badge.id(), session.contextId(), session.userSub(), criterion, evidence);
			redirect.addFlashAttribute("notice", "Your request was sent to your teacher.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/approvals/{request}")
	String decide(@PathVariable String id, @PathVariable String request, ToolSession session, @RequestParam String decision,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		BadgeClass badge = teacherBadge(id, session);
		org.badgebridge.award.Approvals.Request r = approvals.byId(request)
				.filter(x -> x.badgeId().equals(badge.id()) && x.contextId() == session.contextId())
				.orElseThrow(() -> LaunchRejected.forbidden("That request is not of this badge and course."));
		try {
			approvals.decide(r.id(), "approve".equals(decision), actor(session), note);
			if ("approve".equals(decision)) {
				awards.evaluateLearner(session.contextId(), r.userSub());
			}
			redirect.addFlashAttribute("notice", "approve".equals(decision) ? "Approved." : "Denied.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/email")
	String email(@PathVariable String id, ToolSession session, @RequestParam String email, RedirectAttributes redirect) {
		badgeOf(id, session);
		try {
			emails.start(session.contextId(), session.userSub(), email);
			redirect.addFlashAttribute("notice", "We sent a code to " + email.trim() + ". Enter it below.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/email/confirm")
	String confirmEmail(@PathVariable String id, ToolSession session, @RequestParam String code, RedirectAttributes redirect) {
		badgeOf(id, session);
		try {
			emails.confirm(session.contextId(), session.userSub(), code);
			redirect.addFlashAttribute("notice", "Your email address is confirmed.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/lti/badges/" + id;
	}

	@PostMapping("/lti/badges/{id}/resend")
	String resend(@PathVariable String id, ToolSession session, @RequestParam(required = false) String award,
			RedirectAttributes redirect) {
		BadgeClass badge = badgeOf(id, session);
		Award a = session.isTeacher()
				? awardOf(badge, session, award)
				: awards.forLearner(badge.id(), session.contextId(), session.userSub())
						.orElseThrow(() -> LaunchRejected.forbidden("You have no award of this badge yet."));
		boolean sent = claimMails.resend(a.id());
		redirect.addFlashAttribute(sent ? "notice" : "error", sent ? "A new claim link is on its way (the previous one no longer works)."
				: "No mail could be sent: the LMS shares no email address for this learner.");
		return "redirect:/lti/badges/" + id;
	}

	private Award awardOf(BadgeClass badge, ToolSession session, String awardId) {
		return awards.find(awardId == null ? "" : awardId)
				.filter(x -> x.badgeId().equals(badge.id()) && x.contextId() == session.contextId())
				.orElseThrow(() -> LaunchRejected.forbidden("That award is not of this badge and course."));
	}

	private BadgeClass badgeOf(String id, ToolSession session) {
		BadgeClass badge = badges.find(id).orElseThrow(() -> LaunchRejected.forbidden(
				"This link names a badge that does not exist (any more) in BadgeBridge."));
		boolean ofThisCourse = badge.contextId() != null && badge.contextId() == session.contextId();
		if (!ofThisCourse && !id.equals(session.badgeId())) {
			throw LaunchRejected.forbidden("This badge does not belong to the course you launched from.");
		}
		return badge;
	}

	private BadgeClass teacherBadge(String id, ToolSession session) {
		if (!session.isTeacher()) {
			throw LaunchRejected.forbidden("Only teachers can change a badge.");
		}
		BadgeClass badge = badgeOf(id, session);
		if (badge.contextId() == null || badge.contextId() != session.contextId()) {
			throw LaunchRejected.forbidden("This badge belongs to another course.");
		}
		return badge;
	}

	private static String actor(ToolSession session) {
		return "teacher:" + session.userSub() + (session.displayName() == null ? "" : " (" + session.displayName() + ")");
	}

}
