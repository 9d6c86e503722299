package org.badgebridge.infrastructure;

import java.util.UUID;

import org.slf4j.MDC;

/**
 * The correlation id of one piece of work (a course sync and what follows from it): kept in the logging MDC as
 * {@value #MDC_KEY} (a field of every structured log line, in brackets on readable lines), carried in the events' payloads
 * and put back into the MDC by their listeners, so that one id finds the sync, award, write-back and mail lines.
 */
public final class Correlation {

	public static final String MDC_KEY = "correlation.id";

	private Correlation() {
	}

	/** The id in force on this thread, or null. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

	/** Keeps the id in force, or starts a new one, until the scope closes. */
	public static Scope start() {
		String id = current();
		return open(id != null ? id : newId());
	}

	/** A fresh id: 12 characters of a random UUID. */
	public static String newId() {
		return UUID.randomUUID().toString().substring(0, 12);
	}

	/** Puts the id (from an event) into force until the scope closes; null leaves the MDC as it is. */
	public static Scope open(String id) {
		String previous = current();
		if (id != null) {
			MDC.put(MDC_KEY, id);
		}
		return () -> {
			if (previous == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, previous);
			}
		};
	}

	/** A correlation in force; closing restores what was there before. */
	public interface Scope extends AutoCloseable {
		@Override
		void close();
	}
}
