package org.badgebridge.verification.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.springframework.stereotype.Service;

import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.credential.JsonLdContexts;
import org.badgebridge.credential.PngBaking;
import org.badgebridge.credential.SvgBaking;

/**
 * "Verify a badge" for employers: takes a baked PNG or SVG, a credential (JSON or VC-JWT) or a URL, and says
 * in plain words what it found: signature, issuer, validity dates, revocation or suspension, recipient. It checks
 * this tool's credentials and any well-formed Open Badges 2.0 hosted assertion or 3.0 credential whose keys it
 * can resolve offline ({@code did:key}, or our own keys). Hostile input costs bounded work and nothing is stored.
 * VC-JWTs are read by {@link JwtCredentials}.
 */
@Service
public class BadgeVerifier {

	public static final int MAX_UPLOAD = 2 << 20;

	private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	public enum Verdict {
		VALID, EXPIRED, SUSPENDED, REVOKED, INVALID, UNKNOWN
	}

	/**
	 * One check: passed ({@code ok} true), failed or skipped (null); {@code status} when it is the issuer's status
	 * (revoked, suspended), which makes the verdict rather than invalidating the badge. {@code said} gives the detail in
	 * the page's language (null: only the English words); {@code detail} is the English words.
	 */
	public record Check(Boolean ok, String what, String detail, boolean status, Said said) {

		public Check(Boolean ok, String what, String detail) {
			this(ok, what, detail, false, null);
		}

		public Check(Boolean ok, String what, Said said) {
			this(ok, what, said.english(), false, said);
		}
	}

	/**
	 * What was found. {@code issuerBasis} says how the issuer is known: {@code OWN} (this tool's own key), {@code WEB}
	 * (a did:web, the key published at {@code issuerDomain}), {@code HOSTED} (an Open Badges 2.0 issuer whose server at
	 * {@code issuerDomain} hosts the badge), {@code KEY} (a did:key: only the credential itself names the issuer), or
	 * null; {@code revokedOn}: when the issuer revoked it, where it says. {@code summary} and {@code format} are English;
	 * {@code summaryWords} and {@code formatWords} the same for the page's language.
	 */
	public record Report(Verdict verdict, String summary, String format, List<Check> checks, String badgeName, String issuerName,
			String issuerId, Instant issuedOn, Instant expires, String recipient, String issuerBasis, String issuerDomain,
			Instant revokedOn, Said summaryWords, Said formatWords) {
	}

	private final DataIntegrity integrity;

	private final JwtCredentials jwts;

	private final OwnDocuments own;

	private final CredentialChecks credentials;

	private final HostedAssertions hosted;

	private final SafeFetcher fetcher;

	private final ProofCache proofs;

	BadgeVerifier(DataIntegrity integrity, JwtCredentials jwts, OwnDocuments own, CredentialChecks credentials,
			HostedAssertions hosted, SafeFetcher fetcher, ProofCache proofs) {
		this.proofs = proofs;
		this.integrity = integrity;
		this.jwts = jwts;
		this.own = own;
		this.credentials = credentials;
		this.hosted = hosted;
		this.fetcher = fetcher;
	}

	private static Report unknown(String key, Object... args) {
		return Findings.unknown(new Said(key, args));
	}

	/** A file: a baked PNG or SVG, or a JSON / JWT file. */
	public Report verifyFile(byte[] bytes, String email) {
		if (bytes == null || bytes.length == 0) {
			return unknown("public.check.unknown.empty");
		}
		if (bytes.length > MAX_UPLOAD) {
			return unknown("public.check.unknown.file-too-large");
		}
		try {
			if (bytes.length >= 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
				Optional<String> credential = PngBaking.read(bytes, CredentialDownloads.OB3_KEYWORD);
				if (credential.isPresent()) {
					return verifyText(credential.get(), email, new Said("public.check.source.png"));
				}
				Optional<String> assertion = PngBaking.read(bytes, PngBaking.KEYWORD);
				return assertion.map(a -> verifyText(a, email, new Said("public.check.source.png")))
						.orElseGet(() -> unknown("public.check.unknown.png-no-badge"));
			}
			String text = new String(bytes, StandardCharsets.UTF_8).strip();
			if (text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			if (text.startsWith("<")) {
				return SvgBaking.readUploaded(bytes).map(b -> verifyText(b.text(), email, new Said("public.check.source.svg")))
						.orElseGet(() -> unknown("public.check.unknown.svg-no-badge"));
			}
			if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
				return unknown("public.check.unknown.zip");
			}
			return verifyText(text, email, new Said("public.check.source.file"));
		}
		catch (IllegalArgumentException ex) {
			return Findings.unknown(JsonLimits.said(ex));
		}
	}

	/** Pasted text: a credential as JSON, a VC-JWT, or a URL. */
	public Report verifyText(String input, String email) {
		return verifyText(input, email, new Said("public.check.source.pasted"));
	}

	private Report verifyText(String input, String email, Said source) {
		String text = input == null ? "" : input.strip();
		if (text.isEmpty()) {
			return unknown("public.check.unknown.nothing");
		}
		if (text.length() > JsonLimits.MAX_CHARS) {
			return unknown("public.check.unknown.text-too-large");
		}
		try {
			if (text.startsWith("{")) {
				return json(text, email);
			}
			if (JWT_SHAPE.matcher(text).matches()) {
				return jwts.verify(text, email);
			}
			if (text.startsWith("https://") || text.startsWith("http://")) {
				return url(text, email);
			}
		}
		catch (IllegalArgumentException ex) {
			return Findings.unknown(JsonLimits.said(ex));
		}
		return unknown("public.check.unknown.not-recognised", source);
	}

	private Report url(String text, String email) {
		URI url;
		try {
			url = URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			return unknown("public.check.unknown.bad-link");
		}
		Optional<String> ours = own.find(url);
		if (ours.isPresent()) {
			return json(ours.get(), email);
		}
		if (own.isOurs(url.toString())) {
			return unknown("public.check.unknown.nothing-at", url.toString());
		}
		try {
			SafeFetcher.Fetched fetched = fetcher.get(url);
			if (fetched.status() == 410 && fetched.body() != null && fetched.body().trim().startsWith("{")) {
				return verifyText(fetched.body(), email, new Said("public.check.source.document", url.toString())); // a revoked hosted assertion (Open Badges 2.0)
			}
			if (fetched.status() == 404 || fetched.status() == 410) {
				return unknown("public.check.unknown.no-badge-at", url.toString(), String.valueOf(fetched.status()));
			}
			if (fetched.status() != 200) {
				return unknown("public.check.unknown.http", String.valueOf(fetched.status()), url.toString());
			}
			return verifyText(fetched.body(), email, new Said("public.check.source.document", url.toString()));
		}
		catch (SafeFetcher.Refused ex) {
			return Findings.unknown(ex.said());
		}
	}

	private Report json(String text, String email) {
		JsonLimits.check(text);
		JsonObject doc;
		try {
			doc = DataIntegrity.parse(text);
		}
		catch (JsonException | IllegalStateException ex) {
			return unknown("public.check.unknown.invalid-json");
		}
		if (isCredential(doc)) {
			Findings f = new Findings();
			JsonValue proof = doc.get("proof");
			try {
				if (proof == null) {
					f.fail("Signature", new Said("public.check.detail.no-proof"));
				}
				else {
					proofs.verify(text, doc, integrity::verify);
					f.verified("Signature", new Said("public.check.detail.proof-valid"));
				}
			}
			catch (DataIntegrity.TooComplex ex) {
				return unknown("public.check.unknown.too-complex", ex.getMessage()); // nothing else is worth checking on such a document
			}
			catch (DataIntegrity.Uncheckable ex) {
				f.skipped("Signature", new Said("public.check.detail.uncheckable", ex.getMessage()));
				f.unknownStatus(ex instanceof DataIntegrity.KeyUnresolvable ? new Said("public.check.summary.key-unresolvable")
						: new Said("public.check.summary.uncheckable", ex.getMessage()));
			}
			catch (DataIntegrity.ProofInvalid ex) {
				f.fail("Signature", new Said("public.check.detail.proof-invalid", ex.getMessage()));
			}
			credentials.check(doc, email, f);
			return f.report();
		}
		if (JsonFields.types(doc).contains("Assertion")) {
			return hosted.check(doc, email);
		}
		return unknown("public.check.unknown.not-a-badge");
	}

	private static boolean isCredential(JsonObject doc) {
		JsonValue context = doc.get("@context");
		String contexts = context == null ? "" : context.toString();
		return (contexts.contains(JsonLdContexts.VC2_CONTEXT) || contexts.contains(JsonLdContexts.VC1_CONTEXT))
				&& JsonFields.types(doc).contains("VerifiableCredential");
	}
}
