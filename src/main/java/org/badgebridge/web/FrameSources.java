package org.badgebridge.web;

/** The CSP {@code frame-ancestors} source list for LTI pages (the registered platforms' origins). */
public interface FrameSources {

	/** Sources starting with {@code 'self'}. */
	String sources();
}
