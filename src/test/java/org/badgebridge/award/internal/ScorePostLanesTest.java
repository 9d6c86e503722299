package org.badgebridge.award.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.badgebridge.lms.PlatformBusy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lanes alone: the bound per platform, one post per key, a platform asking to wait pauses only its own lane. */
class ScorePostLanesTest {

	final ScorePostLanes lanes = new ScorePostLanes(3, Duration.ofHours(1));

	@AfterEach
	void stop() {
		lanes.destroy();
	}

	@Test
	void noMoreThanTheBoundRunAtOncePerPlatform() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger now = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger ran = new AtomicInteger();
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			done.add(lanes.submit("A", "post-" + i, () -> {
				most.accumulateAndGet(now.incrementAndGet(), Math::max);
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				ran.incrementAndGet();
				now.decrementAndGet();
			}));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> now.get() == 3);
		CompletableFuture<Void> other = lanes.submit("B", "post-0", () -> { });
		other.get(30, TimeUnit.SECONDS); // another platform is not held up by A's full lane
		release.countDown();
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

		assertThat(most.get()).as("posts of A at once").isEqualTo(3);
		assertThat(ran.get()).isEqualTo(10);
	}

	@Test
	void aKeyQueuedOrUnderWayIsNotQueuedTwice() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger ran = new AtomicInteger();
		Runnable post = () -> {
			ran.incrementAndGet();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		CompletableFuture<Void> first = lanes.submit("A", "award-1:earned", post);
		CompletableFuture<Void> again = lanes.submit("A", "award-1:earned", post);
		assertThat(again).isSameAs(first);
		release.countDown();
		first.get(30, TimeUnit.SECONDS);
		assertThat(ran.get()).isEqualTo(1);
	}

	@Test
	void aBusyPlatformPausesItsLaneThenPostsAgainWhileOthersGoOn() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		CompletableFuture<Void> busy = lanes.submit("A", "award-1:earned", () -> {
			if (attempts.incrementAndGet() == 1) {
				throw new PlatformBusy("Moodle", "POST", "http://lms/scores", 429, Duration.ofSeconds(2));
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 1);
		AtomicInteger otherRan = new AtomicInteger();
		lanes.submit("B", "award-2:earned", otherRan::incrementAndGet).get(30, TimeUnit.SECONDS);

		busy.get(60, TimeUnit.SECONDS);
		assertThat(attempts.get()).as("posted again after the pause, once").isEqualTo(2);
		assertThat(otherRan.get()).isEqualTo(1);
		assertThat(lanes.pausedUntil("B")).as("B never paused").isNull();
	}

	@Test
	void aFailureCompletesThePostExceptionallySoThatItIsResubmitted() {
		CompletableFuture<Void> failed = lanes.submit("A", "award-1:earned", () -> {
			throw new IllegalStateException("LMS down");
		});
		await().atMost(Duration.ofSeconds(30)).until(failed::isDone);
		assertThat(failed).isCompletedExceptionally();
		// the key is free again: a resubmission queues a new post
		assertThat(lanes.submit("A", "award-1:earned", () -> { })).isNotSameAs(failed);
	}
}
