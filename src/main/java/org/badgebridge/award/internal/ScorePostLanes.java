package org.badgebridge.award.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.lms.PlatformBusy;

/**
 * One lane per platform for the score posts of this node: at most {@code badgebridge.lms.score-posts.connections}
 * posts to a platform at once, shared by all its courses, the rest queued in order. A post that the platform answers
 * with {@link PlatformBusy} (429 or 503 with {@code Retry-After}) goes back to the head of its lane and the lane
 * pauses until then (at least a second, at most {@code badgebridge.lms.score-posts.max-pause}); posts already under
 * way finish. Other platforms' lanes are not affected: no thread waits for a lane, queued posts hold none.
 * <p>
 * A post is known by a key: a second submission of a key queued or under way gets the same future (a redelivered
 * event waits for the post under way instead of queueing another). Nothing here is durable: what is queued is also
 * an incomplete event publication, resubmitted after a restart.
 */
@Component
class ScorePostLanes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ScorePostLanes.class);

	private static final long MIN_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final int connections;

	private final long maxPauseNanos;

	private final ExecutorService workers = Executors.newCachedThreadPool(threads("score-post-"));

	/** Finds each post's platform (a query) off the caller's thread, which may be a committing transaction's. */
	private final ExecutorService dispatcher = Executors.newFixedThreadPool(2, threads("score-post-dispatch-"));

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("score-post-timer-"));

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	ScorePostLanes(@Value("${badgebridge.lms.score-posts.connections:12}") int connections,
			@Value("${badgebridge.lms.score-posts.max-pause:1h}") Duration maxPause) {
		this.connections = Math.max(1, connections);
		this.maxPauseNanos = Math.max(MIN_PAUSE_NANOS, maxPause.toNanos());
	}

	int connections() {
		return connections;
	}

	/**
	 * Queues a post to {@code platform}; the future completes when it ran (exceptionally with what it threw, other than
	 * {@link PlatformBusy}, which pauses the lane and queues the post again).
	 */
	CompletableFuture<Void> submit(String platform, String key, Runnable post) {
		return lanes.computeIfAbsent(platform, Lane::new).submit(key, post);
	}

	/** As {@link #submit(String, String, Runnable)}, the platform found by {@code platform} on another thread. */
	CompletableFuture<Void> submit(Supplier<String> platform, String key, Runnable post) {
		return CompletableFuture.supplyAsync(platform, dispatcher).thenCompose(found -> submit(found, key, post));
	}

	/** Until when the platform's lane is paused, or null while it is not. */
	Instant pausedUntil(String platform) {
		Lane lane = lanes.get(platform);
		return lane == null ? null : lane.pausedUntil();
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
		dispatcher.shutdownNow();
		workers.shutdownNow();
	}

	private record Post(String key, Runnable body, CompletableFuture<Void> done) {
	}

	private final class Lane {

		private final String platform;

		private final ArrayDeque<Post> queue = new ArrayDeque<>();

		private final Map<String, Post> byKey = new HashMap<>();

		private int running;

		/** System.nanoTime() until which nothing is sent; 0 when not paused. */
		private long pausedUntilNanos;

		private boolean wakeUpScheduled;

		Lane(String platform) {
			this.platform = platform;
		}

		synchronized CompletableFuture<Void> submit(String key, Runnable body) {
			Post existing = byKey.get(key);
			if (existing != null) {
				return existing.done();
			}
			Post post = new Post(key, body, new CompletableFuture<>());
			byKey.put(key, post);
			queue.addLast(post);
			pump();
			return post.done();
		}

		synchronized Instant pausedUntil() {
			long left = pausedUntilNanos - System.nanoTime();
			return pausedUntilNanos == 0 || left <= 0 ? null : Instant.now().plusNanos(left);
		}

		/** Starts queued posts while the lane is open and has room; while paused, wakes up when the pause ends. */
		private void pump() {
			long left = pausedUntilNanos - System.nanoTime();
			if (pausedUntilNanos != 0 && left > 0) {
				if (!wakeUpScheduled && !queue.isEmpty()) {
					wakeUpScheduled = true;
					timer.schedule(this::wakeUp, left, TimeUnit.NANOSECONDS);
				}
				return;
			}
			pausedUntilNanos = 0;
			while (running < connections && !queue.isEmpty()) {
				Post post = queue.pollFirst();
				running++;
				workers.execute(() -> run(post));
			}
		}

		private synchronized void wakeUp() {
			wakeUpScheduled = false;
			pump();
		}

		private void run(Post post) {
			Throwable failure = null;
			try {
				post.body().run();
			}
			catch (PlatformBusy busy) {
				pause(post, busy);
				return;
			}
			catch (Throwable ex) {
				failure = ex;
			}
			synchronized (this) {
				running--;
				byKey.remove(post.key());
				pump();
			}
			// completed outside the lane's lock: completing records the event publication in the database
			if (failure == null) {
				post.done().complete(null);
			}
			else {
				post.done().completeExceptionally(failure);
			}
		}

		private synchronized void pause(Post post, PlatformBusy busy) {
			long wanted = busy.retryAfter().toNanos();
			long pause = Math.min(maxPauseNanos, Math.max(MIN_PAUSE_NANOS, wanted));
			long until = System.nanoTime() + pause;
			if (pausedUntilNanos == 0 || until - pausedUntilNanos > 0) {
				pausedUntilNanos = until;
				log.info("{} asked to wait (HTTP {}): its score posts pause for {} ms", platform, busy.status(), pause / 1_000_000);
			}
			running--;
			queue.addFirst(post);
			pump();
		}
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
