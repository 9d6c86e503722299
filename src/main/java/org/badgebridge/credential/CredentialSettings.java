package org.badgebridge.credential;

import java.net.URI;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.platform.ToolUrls;

/**
 * The two identifiers every credential carries and that must not change with the public URL: the issuer id
 * ({@code badgebridge.credentials.issuer-id}, normally {@code did:web} of the institution's https host; empty =
 * a {@code did:key} of the signing key, for development) and the URL of our JSON-LD context for the EU elements
 * ({@code badgebridge.credentials.context-url}; empty = fixed at first use from the public URL and kept).
 */
@Component
public class CredentialSettings {

	private static final Logger log = LoggerFactory.getLogger(CredentialSettings.class);

	private static final Pattern DID_WEB = Pattern.compile("did:web:[A-Za-z0-9.-]+(%3A[0-9]{1,5})?");

	public static final String CONTEXT_PATH = "/contexts/microcredential-v1.json";

	private final String configuredIssuerId;

	private final String configuredContextUrl;

	private final ToolUrls urls;

	private final JdbcClient jdbc;

	private volatile String contextUrl;

	public CredentialSettings(@Value("${badgebridge.credentials.issuer-id:}") String issuerId,
			@Value("${badgebridge.credentials.context-url:}") String contextUrl, ToolUrls urls, JdbcClient jdbc) {
		this.configuredIssuerId = issuerId == null ? "" : issuerId.trim();
		this.configuredContextUrl = contextUrl == null ? "" : contextUrl.trim();
		this.urls = urls;
		this.jdbc = jdbc;
		if (!configuredIssuerId.isEmpty()) {
			if (!DID_WEB.matcher(configuredIssuerId).matches()) {
				throw new IllegalStateException("badgebridge.credentials.issuer-id must be did:web:<host> (e.g. did:web:badges.example.edu), got "
						+ configuredIssuerId + ". Leave it empty to use a did:key (development only).");
			}
			if (!urls.base().startsWith("https://")) {
				throw new IllegalStateException("badgebridge.credentials.issuer-id is a did:web, which resolves over https only, but "
						+ "badgebridge.public-url is plain http. Leave the issuer id empty in development (a did:key is used).");
			}
		}
		else if (urls.base().startsWith("https://")) {
			log.warn("badgebridge.credentials.issuer-id is not set: credentials are issued by a did:key. Set it to "
					+ "did:web:{} so that verifiers can tie the credentials to your institution.", URI.create(urls.base()).getHost());
		}
		if (!configuredContextUrl.isEmpty() && !configuredContextUrl.startsWith("https://") && !configuredContextUrl.startsWith("http://")) {
			throw new IllegalStateException("badgebridge.credentials.context-url must be an http(s) URL, got " + configuredContextUrl);
		}
	}

	public boolean didWeb() {
		return !configuredIssuerId.isEmpty();
	}

	/** The issuer id for credentials signed with this Ed25519 key. */
	public String issuerId(CredentialKeys.Ed25519Key key) {
		return didWeb() ? configuredIssuerId : "did:key:" + Multikeys.ed25519PublicKey(key.publicKey());
	}

	/** The verification method of a Data Integrity proof made with this key. */
	public String verificationMethod(CredentialKeys.Ed25519Key key) {
		String multibase = Multikeys.ed25519PublicKey(key.publicKey());
		return didWeb() ? configuredIssuerId + "#" + key.kid() : "did:key:" + multibase + "#" + multibase;
	}

	/** The {@code kid} of a VC-JWT: a DID URL in the did:web document, else the https URL of the JWK. */
	public String jwtKeyId(String rsaKid) {
		return didWeb() ? configuredIssuerId + "#" + rsaKid : urls.absolute("/ob3/keys/" + rsaKid);
	}

	/** The configured did:web, if any. */
	public String didWebId() {
		return configuredIssuerId;
	}

	public String contextUrl() {
		String url = contextUrl;
		if (url == null) {
			url = configuredContextUrl.isEmpty() ? storedContextUrl() : configuredContextUrl;
			contextUrl = url;
		}
		return url;
	}

	private String storedContextUrl() {
		String stored = jdbc.sql("select val from credential_setting where name='context-url'").query(String.class).optional().orElse(null);
		if (stored != null) {
			return stored;
		}
		try {
			jdbc.sql("insert into credential_setting (name, val) values ('context-url', ?)").param(urls.absolute(CONTEXT_PATH)).update();
		}
		catch (org.springframework.dao.DuplicateKeyException ignored) {
			// another node fixed it first
		}
		return jdbc.sql("select val from credential_setting where name='context-url'").query(String.class).single();
	}
}
