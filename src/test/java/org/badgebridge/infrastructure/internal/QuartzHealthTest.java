package org.badgebridge.infrastructure.internal;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class QuartzHealthTest {

	Scheduler scheduler = mock(Scheduler.class);

	QuartzHealthTest() throws Exception {
		SchedulerMetaData meta = mock(SchedulerMetaData.class);
		when(meta.getSchedulerInstanceId()).thenReturn("node-1");
		when(meta.isJobStoreClustered()).thenReturn(true);
		when(meta.getJobStoreClass()).thenAnswer(i -> JobStoreTX.class);
		when(scheduler.getMetaData()).thenReturn(meta);
	}

	@Test
	void upWhenStartedAndTheJobStoreAnswers() throws Exception {
		when(scheduler.isStarted()).thenReturn(true);
		when(scheduler.getJobGroupNames()).thenReturn(java.util.List.of("sync"));
		Health health = new QuartzHealth(scheduler).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("clustered", true).containsEntry("instanceId", "node-1");
	}

	@Test
	void downInStandby() throws Exception {
		when(scheduler.isStarted()).thenReturn(true);
		when(scheduler.isInStandbyMode()).thenReturn(true);
		Health health = new QuartzHealth(scheduler).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "standby");
	}

	@Test
	void downWhenTheJobStoreCannotBeRead() throws Exception {
		when(scheduler.isStarted()).thenReturn(true);
		when(scheduler.getJobGroupNames()).thenThrow(new org.quartz.JobPersistenceException("database gone"));
		assertThat(new QuartzHealth(scheduler).health().getStatus()).isEqualTo(Status.DOWN);
	}
}
