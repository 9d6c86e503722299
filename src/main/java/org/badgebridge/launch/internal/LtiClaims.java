package org.badgebridge.launch.internal;

/** Claim names of LTI 1.3, Deep Linking 2.0, AGS 2.0 and NRPS 2.0. */
public final class LtiClaims {

	public static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";

	public static final String MESSAGE_TYPE = PREFIX + "message_type";

	public static final String VERSION = PREFIX + "version";

	public static final String DEPLOYMENT_ID = PREFIX + "deployment_id";

	public static final String TARGET_LINK_URI = PREFIX + "target_link_uri";

	public static final String RESOURCE_LINK = PREFIX + "resource_link";

	public static final String ROLES = PREFIX + "roles";

	public static final String CONTEXT = PREFIX + "context";

	public static final String CUSTOM = PREFIX + "custom";

	public static final String LAUNCH_PRESENTATION = PREFIX + "launch_presentation";

	public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

	public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

	public static final String DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

	public static final String DL_CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";

	public static final String DL_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";

	public static final String DL_MSG = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";

	public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";

	public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

	public static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

	private LtiClaims() {
	}
}
