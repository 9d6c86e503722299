package org.badgebridge.teaching.internal;

import java.io.IOException;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.course.CourseData;
import org.badgebridge.teaching.BadgeSetup;
import org.badgebridge.web.InvalidInput;

/**
 * The teacher's changes to a badge: details, image, catalogue listing, columns, criteria and awarding. Every
 * action returns to the badge's page with a confirmation, or with what to correct next to the field.
 */
@Controller
class BadgeSetupController {

	private final BadgeSetup setup;

	private final Badges badges;

	private final BadgeImages images;

	private final TeacherActions actions;

	BadgeSetupController(BadgeSetup setup, Badges badges, BadgeImages images, TeacherActions actions) {
		this.setup = setup;
		this.badges = badges;
		this.images = images;
		this.actions = actions;
	}

	@PostMapping("/lti/teach/badges/{badge}/details")
	String details(BadgeTeacher teacher, @RequestParam Map<String, String> form) {
		boolean eu = "eu".equals(form.get("step"));
		return actions.act(teacher, eu ? "setup/eu" : "setup/badge", () -> {
			setup.saveDetails(teacher.badge(), form);
			return actions.info(eu ? "teaching.notice.euSaved" : "teaching.notice.badgeSaved");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/image")
	String image(BadgeTeacher teacher, @RequestParam(name = "image", required = false) MultipartFile file) {
		return actions.act(teacher, "setup/badge", () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("image", actions.text("teaching.error.imageMissing"));
			}
			try {
				images.store(teacher.badgeId(), file.getBytes());
			}
			catch (InvalidBadgeException ex) {
				throw InvalidInput.of("image", ex);
			}
			catch (IOException ex) {
				throw new InvalidInput("image", actions.text("teaching.error.imageUnreadable"));
			}
			return actions.info("teaching.notice.imageSaved");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/catalogue")
	String catalogue(BadgeTeacher teacher, @RequestParam(required = false) String listed) {
		boolean list = "true".equals(listed);
		badges.setInCatalogue(teacher.badgeId(), list);
		return actions.act(teacher, "setup/review", () -> actions.info(list ? "teaching.notice.listed" : "teaching.notice.unlisted"));
	}

	@PostMapping("/lti/teach/badges/{badge}/columns")
	String createColumn(BadgeTeacher teacher, @RequestParam(required = false) String label,
			@RequestParam(required = false) String maximum) {
		return actions.act(teacher, "setup/columns", () -> {
			CourseData.Column column = setup.createColumn(teacher.badge(), teacher.contextId(), label, maximum);
			return actions.info("teaching.notice.columnCreated", column.label());
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/mirrors")
	String createMirror(BadgeTeacher teacher, @RequestParam(required = false) String label,
			@RequestParam(required = false) String source, @RequestParam(required = false) String maximum) {
		return actions.act(teacher, "setup/columns", () -> {
			CourseData.Column column = setup.createMirror(teacher.badge(), teacher.contextId(), label, source, maximum);
			return actions.info("teaching.notice.mirrorCreated", column.label(), "=[[" + source.trim() + "]]");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/criteria")
	String criteria(BadgeTeacher teacher, @RequestParam(required = false) String column,
			@RequestParam(required = false) String threshold, @RequestParam(required = false) String value,
			@RequestParam(required = false) String json) {
		return actions.act(teacher, "setup/criteria", () -> {
			setup.saveCriteria(teacher.badge(), teacher.contextId(), column, threshold, value, json);
			return actions.info("teaching.notice.criteriaSaved");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/awarding")
	String awarding(BadgeTeacher teacher, @RequestParam(required = false) String on,
			@RequestParam(required = false) String from) {
		return actions.act(teacher, "review".equals(from) ? "setup/review" : null, () -> {
			boolean active = setup.setAwarding(teacher.badge(), on).active();
			return actions.info(active ? "teaching.notice.awardingOn" : "teaching.notice.awardingOff");
		});
	}


}
