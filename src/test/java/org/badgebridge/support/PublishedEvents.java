package org.badgebridge.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A test listener: every event of the tool's own (a record of {@code org.badgebridge}) as it is published, with whether
 * a transaction was open at that moment. {@code @Import} it and clear {@link #seen} before each test.
 */
@TestConfiguration
public class PublishedEvents {

	public record Seen(Object event, boolean inTransaction) {
	}

	public final List<Seen> seen = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event instanceof Record && event.getClass().getName().startsWith("org.badgebridge.")) {
			seen.add(new Seen(event, TransactionSynchronizationManager.isActualTransactionActive()));
		}
	}

	/** The events of one type seen, each with whether it was published in a transaction. */
	public List<Seen> of(Class<?> type) {
		return seen.stream().filter(s -> type.isInstance(s.event())).toList();
	}
}
