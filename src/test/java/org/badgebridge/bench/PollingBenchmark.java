package org.badgebridge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.badgebridge.course.ColumnsInUse;
import org.badgebridge.course.internal.ColumnSelection;
import org.badgebridge.course.internal.PollingRule;
import org.badgebridge.course.internal.RosterRule;
import org.badgebridge.lms.LineItem;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=PollingBenchmark}): the requests a university's LMS gets
 * from course syncs, before and after adaptive polling, on a simulated clock (no waiting) against a simulated LMS
 * that counts requests. 2,000 courses of 200 learners and 5 columns (one page each: results and roster), one active
 * badge per course whose criteria use 2 of the 5 columns; each course has 3 moments of activity a day between 08:00
 * and 22:00 (a launch; one in three a teacher opening the badge's dashboard), and 1% of the courses get a grade in a
 * criteria column per hour, at random times, day and night. Before: the fixed rule of earlier versions (every minute
 * within 24 h of activity, hourly otherwise; every column and the roster each sync; a launch does not wake a course).
 * After: the real rule classes ({@link PollingRule}, {@link ColumnSelection}, {@link RosterRule}) with the defaults
 * (50 s active, 2h hold, 1h idle, roster every 30m). Three days are simulated, the last two counted. A request costs the
 * LMS 25 ms (2.7 s / 107 requests on the test site), which is also how long a sync takes here. Prints requests per
 * hour, the ratio, the busiest minute and the award delays (grade entered in the LMS to the end of the sync that
 * read it) of grades entered within 2 h of the course's last activity, and of all grades.
 */
class PollingBenchmark {

	static final int COURSES = Integer.getInteger("bench.courses", 2000);

	static final int COLUMNS = 5;

	static final int USED_COLUMNS = 2;

	static final int ACTIVITY_PER_DAY = 3;

	static final double CHANGE_SHARE_PER_HOUR = 0.01;

	static final long REQUEST_MS = 25;

	static final long MINUTE = 60_000;

	static final long HOUR = 60 * MINUTE;

	static final long DAY = 24 * HOUR;

	static final int DAYS = 3;

	static final Instant EPOCH = Instant.parse("2026-12-01T00:00:00Z");

	/** Which of the four mechanisms a run uses. */
	record Mode(String name, PollingRule rule, boolean selective, boolean wakes) {
	}

	record Event(long at, int kind, int course, long generation) implements Comparable<Event> {

		static final int SYNC = 0;

		static final int LAUNCH = 1;

		static final int TEACHER = 2;

		static final int GRADE = 3;

		@Override
		public int compareTo(Event o) {
			return at != o.at ? Long.compare(at, o.at) : Integer.compare(kind, o.kind);
		}
	}

	record Result(long requests, long countedMs, long busiestMinute, long worstHot, long medianHot, int hotGrades,
			long worstAll, int grades) {
	}

	@Test
	void requestsPerHourBeforeAndAfter() {
		Duration idle = Duration.ofHours(1);
		// before: the fixed rule of earlier versions (1 min within 24 h of activity); after: the defaults (50 s active, so
		// that a grade waits at most one interval plus the sync itself and is awarded within 60 s)
		Result before = run(new Mode("before", PollingRule.fixed(Duration.ofMinutes(1), idle, Duration.ofHours(24)), false, false));
		Result after = run(new Mode("after", new PollingRule(Duration.ofSeconds(50), idle, Duration.ofHours(2), true), true, true));
		System.out.println("PollingBenchmark: " + COURSES + " courses x 200 learners x " + COLUMNS + " columns, "
				+ (int) (CHANGE_SHARE_PER_HOUR * 100) + "% changing per hour, " + (DAYS - 1) + " days counted");
		print("before", before);
		print("after", after);
		System.out.printf("ratio before/after: %.1fx fewer requests%n", (double) before.requests() / after.requests());
	}

	static void print(String name, Result r) {
		double hours = r.countedMs() / (double) HOUR;
		System.out.printf("%-6s requests/hour %,.0f (%,.1f/s), busiest minute %,d requests; grades within 2 h of activity: %d, "
				+ "award delay median %.2f s, worst %.3f s; all %d grades: worst %.1f s%n", name, r.requests() / hours,
				r.requests() / hours / 3600, r.busiestMinute(), r.hotGrades(), r.medianHot() / 1000.0, r.worstHot() / 1000.0,
				r.grades(), r.worstAll() / 1000.0);
	}

	Result run(Mode mode) {
		Random random = new Random(42); // the same courses, activity and grades for both runs
		PriorityQueue<Event> queue = new PriorityQueue<>();
		long[] lastActivity = new long[COURSES];
		long[] interval = new long[COURSES];
		long[] nextSync = new long[COURSES];
		long[] generation = new long[COURSES];
		long[] rosterAt = new long[COURSES];
		boolean[] readAll = new boolean[COURSES];
		List<List<long[]>> pending = new ArrayList<>(); // per course: {column, entered at}
		RosterRule roster = new RosterRule(Duration.ofMinutes(30));
		List<LineItem> items = new ArrayList<>();
		for (int c = 0; c < COLUMNS; c++) {
			items.add(new LineItem("https://lms/li/" + c, "Column " + c, 100, null, null, null));
		}
		List<ColumnsInUse.Column> used = items.subList(0, USED_COLUMNS).stream()
				.map(i -> new ColumnsInUse.Column(i.id(), null)).toList();
		for (int c = 0; c < COURSES; c++) {
			pending.add(new ArrayList<>());
			lastActivity[c] = -random.nextInt((int) (DAY / 1000)) * 1000L; // every course active within the last day
			interval[c] = mode.rule().active().toMillis();
			rosterAt[c] = Long.MIN_VALUE;
			readAll[c] = true;
			nextSync[c] = random.nextInt((int) MINUTE);
			queue.add(new Event(nextSync[c], Event.SYNC, c, 0));
			for (int d = 0; d < DAYS; d++) {
				for (int a = 0; a < ACTIVITY_PER_DAY; a++) {
					long at = d * DAY + 8 * HOUR + (long) (random.nextDouble() * 14 * HOUR);
					queue.add(new Event(at, random.nextInt(3) == 0 ? Event.TEACHER : Event.LAUNCH, c, 0));
				}
			}
		}
		for (long hour = 0; hour < DAYS * 24; hour++) {
			for (int n = 0; n < COURSES * CHANGE_SHARE_PER_HOUR; n++) {
				queue.add(new Event(hour * HOUR + (long) (random.nextDouble() * HOUR), Event.GRADE, random.nextInt(COURSES),
						random.nextInt(USED_COLUMNS)));
			}
		}
		long counted = DAY; // the first day warms up
		long requests = 0;
		long[] perMinute = new long[(int) ((DAYS * DAY - counted) / MINUTE) + 1];
		List<Long> hot = new ArrayList<>();
		long worstAll = 0;
		int grades = 0;
		while (!queue.isEmpty()) {
			Event e = queue.poll();
			if (e.at() >= DAYS * DAY) {
				break;
			}
			int c = e.course();
			switch (e.kind()) {
				case Event.GRADE -> pending.get(c).add(new long[] { e.generation(), e.at(), lastActivity[c] });
				case Event.LAUNCH, Event.TEACHER -> {
					lastActivity[c] = e.at();
					if (e.kind() == Event.TEACHER && mode.selective()) {
						readAll[c] = true; // PollState.teacherActed
					}
					if (mode.wakes() && mode.rule().wakes(Duration.ofMillis(interval[c]), instant(nextSync[c]), instant(e.at()))) {
						interval[c] = mode.rule().active().toMillis(); // SyncScheduler.wake: now, then every active interval
						nextSync[c] = e.at();
						queue.add(new Event(e.at(), Event.SYNC, c, ++generation[c]));
					}
				}
				default -> {
					if (e.generation() != generation[c]) {
						continue; // replaced by a wake
					}
					boolean all = !mode.selective() || readAll[c];
					List<LineItem> read = ColumnSelection.toRead(items, used, all);
					boolean rosterDue = !mode.selective()
							|| roster.due(all, rosterAt[c] == Long.MIN_VALUE ? null : instant(rosterAt[c]), instant(e.at()), 0, 0);
					long calls = 1 + read.size() + (rosterDue ? 1 : 0);
					if (rosterDue) {
						rosterAt[c] = e.at();
					}
					readAll[c] = false;
					long end = e.at() + calls * REQUEST_MS;
					boolean changed = false;
					for (var it = pending.get(c).iterator(); it.hasNext();) {
						long[] g = it.next();
						if (read.contains(items.get((int) g[0])) && g[1] <= e.at()) {
							it.remove();
							changed = true;
							if (g[1] >= counted) {
								long delay = end - g[1];
								grades++;
								worstAll = Math.max(worstAll, delay);
								if (g[1] - g[2] <= 2 * HOUR) {
									hot.add(delay);
								}
							}
						}
					}
					if (changed) {
						lastActivity[c] = end; // SyncRecords: a changed result is activity
					}
					if (e.at() >= counted) {
						requests += calls;
						perMinute[(int) ((e.at() - counted) / MINUTE)] += calls;
					}
					interval[c] = mode.rule().next(Duration.ofMillis(interval[c]), instant(lastActivity[c]), instant(end)).toMillis();
					nextSync[c] = e.at() + interval[c];
					queue.add(new Event(nextSync[c], Event.SYNC, c, generation[c]));
				}
			}
		}
		long[] sorted = hot.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(requests, DAYS * DAY - counted, Arrays.stream(perMinute).max().orElse(0),
				sorted.length == 0 ? 0 : sorted[sorted.length - 1], sorted.length == 0 ? 0 : sorted[sorted.length / 2], sorted.length,
				worstAll, grades);
	}

	static Instant instant(long millis) {
		return EPOCH.plusMillis(millis);
	}
}
