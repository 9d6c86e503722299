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
import org.badgebridge.web.Notice;

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
		return actions.act(teacher, () -> {
			setup.saveDetails(teacher.badge(), form);
			return Notice.info("Badge saved.");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/image")
	String image(BadgeTeacher teacher, @RequestParam(name = "image", required = false) MultipartFile file) {
		return actions.act(teacher, () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("image", "Choose a PNG or SVG file to upload.");
			}
			try {
				images.store(teacher.badgeId(), file.getBytes());
			}
			catch (InvalidBadgeException ex) {
				throw new InvalidInput("image", ex.getMessage());
			}
			catch (IOException ex) {
				throw new InvalidInput("image", "The upload could not be read. Try again.");
			}
			return Notice.info("Image saved.");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/catalogue")
	String catalogue(BadgeTeacher teacher, @RequestParam(required = false) String listed) {
		boolean list = "true".equals(listed);
		badges.setInCatalogue(teacher.badgeId(), list);
		return actions.back(teacher, Notice.info(list ? "The badge is listed in the public catalogue."
				: "The badge is no longer listed."));
	}

	@PostMapping("/lti/teach/badges/{badge}/columns")
	String createColumn(BadgeTeacher teacher, @RequestParam(required = false) String label,
			@RequestParam(required = false) String maximum) {
		return actions.act(teacher, () -> {
			CourseData.Column column = setup.createColumn(teacher.badge(), teacher.contextId(), label, maximum);
			return Notice.info("Column \"" + column.label() + "\" created in the LMS gradebook. Grade it there.");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/mirrors")
	String createMirror(BadgeTeacher teacher, @RequestParam(required = false) String label,
			@RequestParam(required = false) String source, @RequestParam(required = false) String maximum) {
		return actions.act(teacher, () -> {
			CourseData.Column column = setup.createMirror(teacher.badge(), teacher.contextId(), label, source, maximum);
			return Notice.info("Mirror column \"" + column.label() + "\" created. Now give it the calculation =[["
					+ source.trim() + "]] in the LMS gradebook (steps below).");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/criteria")
	String criteria(BadgeTeacher teacher, @RequestParam(required = false) String column,
			@RequestParam(required = false) String threshold, @RequestParam(required = false) String value,
			@RequestParam(required = false) String json) {
		return actions.act(teacher, () -> {
			setup.saveCriteria(teacher.badge(), teacher.contextId(), column, threshold, value, json);
			return Notice.info("Criteria saved.");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/awarding")
	String awarding(BadgeTeacher teacher, @RequestParam(required = false) String on) {
		return actions.act(teacher, () -> {
			boolean active = setup.setAwarding(teacher.badge(), on).active();
			return Notice.info(active ? "Automatic awarding is on: the course is synced now and then every minute "
					+ "while it is active." : "Automatic awarding is off.");
		});
	}


}
