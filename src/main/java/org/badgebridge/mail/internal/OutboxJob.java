package org.badgebridge.mail.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Delivers the outbox; clustered and never concurrent, so two nodes never send the same mail. */
@DisallowConcurrentExecution
public class OutboxJob extends QuartzJobBean {

	private final OutboxDelivery delivery;

	public OutboxJob(OutboxDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		delivery.purgeExpiredSecrets();
		delivery.deliverDue();
	}
}
