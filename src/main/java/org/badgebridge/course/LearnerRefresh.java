package org.badgebridge.course;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.badgebridge.lms.AgsClient;
import org.badgebridge.lms.Result;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

/**
 * The per-learner refresh behind a learner's panel: reads one learner's results in every known column (AGS
 * results filtered by {@code user_id}) on a small pool of its own, within a time budget, and stores them.
 * When the budget runs out the panel shows the data of the last course sync instead.
 */
@Component
class LearnerRefresh {

	// logged under the category of the course syncs, where operators already look
	private static final Logger log = LoggerFactory.getLogger(CourseSyncs.class);

	private final Courses courses;

	private final Registrations registrations;

	private final AgsClient ags;

	private final CourseData courseData;

	private final SyncedGradebook gradebook;

	private final Clock clock;

	private final ExecutorService learnerSyncs = Executors.newFixedThreadPool(8, r -> {
		Thread t = new Thread(r, "learner-sync");
		t.setDaemon(true);
		return t;
	});

	LearnerRefresh(Courses courses, Registrations registrations, AgsClient ags, CourseData courseData, SyncedGradebook gradebook,
			Clock clock) {
		this.courses = courses;
		this.registrations = registrations;
		this.ags = ags;
		this.courseData = courseData;
		this.gradebook = gradebook;
		this.clock = clock;
	}

	/** See {@link CourseSyncs#syncLearner}: true when every column was read in time. */
	boolean refresh(long contextId, String userSub, Duration budget) {
		CourseContext context = courses.context(contextId).orElse(null);
		Registration registration = context == null ? null : registrations.find(context.registrationId()).orElse(null);
		if (registration == null || !registration.isActive()) {
			return false;
		}
		List<CourseData.Column> columns = courseData.columns(contextId);
		Future<Boolean> work = learnerSyncs.submit(() -> {
			long now = clock.millis();
			for (CourseData.Column column : columns) {
				List<Result> results = ags.results(registration, column.url(), userSub);
				gradebook.storeLearnerResult(column.id(), userSub,
						results.stream().filter(r -> r.userId().equals(userSub)).findFirst().orElse(null), now);
			}
			return true;
		});
		try {
			return work.get(budget.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			work.cancel(true);
			log.info("Learner sync of {} in course {} took longer than {} ms: showing the last sync's data", userSub, contextId,
					budget.toMillis());
			return false;
		}
		catch (ExecutionException ex) {
			log.info("Learner sync of {} in course {} failed: {}", userSub, contextId, ex.getCause().getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@PreDestroy
	void stop() {
		learnerSyncs.shutdownNow();
	}
}
