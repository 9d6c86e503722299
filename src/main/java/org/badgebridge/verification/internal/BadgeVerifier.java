package org.badgebridge.verification.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
	 * One thing checked: whether it passed (null: not checked, with why) and what was found; {@code status}: a failed
	 * check of the issuer's status (revoked, suspended), which the verdict names itself rather than "not valid".
	 */
	/**
	 * One check: passed ({@code ok} true), failed or skipped (null); {@code status} when it is the issuer's status
	 * (revoked, suspended), which makes the verdict rather than invalidating the badge. {@code detailKey} (with its one
	 * argument, {@code detailArg}) gives the detail in the page's language where the bundles have it; {@code detail}
	 * is the English words.
	 */
	public record Check(Boolean ok, String what, String detail, boolean status, String detailKey, String detailArg) {

		public Check(Boolean ok, String what, String detail) {
			this(ok, what, detail, false, null, null);
		}
	}

	/**
	 * What was found. {@code issuerBasis} says how the issuer is known: {@code OWN} (this tool's own key), {@code WEB}
	 * (a did:web, the key published at {@code issuerDomain}), {@code HOSTED} (an Open Badges 2.0 issuer whose server at
	 * {@code issuerDomain} hosts the badge), {@code KEY} (a did:key: only the credential itself names the issuer), or
	 * null; {@code revokedOn}: the date of a revocation where the issuer publishes it.
	 */
	public record Report(Verdict verdict, String summary, String format, List<Check> checks, String badgeName, String issuerName,
			String issuerId, String issuedOn, String expires, String recipient, String issuerBasis, String issuerDomain,
			String revokedOn) {
	}

	private final DataIntegrity integrity;

	private final JwtCredentials jwts;

	private final OwnDocuments own;

	private final CredentialChecks credentials;

	private final HostedAssertions hosted;

	private final SafeFetcher fetcher;

	BadgeVerifier(DataIntegrity integrity, JwtCredentials jwts, OwnDocuments own, CredentialChecks credentials,
			HostedAssertions hosted, SafeFetcher fetcher) {
		this.integrity = integrity;
		this.jwts = jwts;
		this.own = own;
		this.credentials = credentials;
		this.hosted = hosted;
		this.fetcher = fetcher;
	}

	private static Report unknown(String why) {
		return Findings.unknown(why);
	}

	/** A file: a baked PNG or SVG, or a JSON / JWT file. */
	public Report verifyFile(byte[] bytes, String email) {
		if (bytes == null || bytes.length == 0) {
			return unknown("The file is empty.");
		}
		if (bytes.length > MAX_UPLOAD) {
			return unknown("The file is larger than 2 MB: badge images are far smaller. Nothing was read.");
		}
		try {
			if (bytes.length >= 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
				Optional<String> credential = PngBaking.read(bytes, CredentialDownloads.OB3_KEYWORD);
				if (credential.isPresent()) {
					return verifyText(credential.get(), email, "baked PNG");
				}
				Optional<String> assertion = PngBaking.read(bytes, PngBaking.KEYWORD);
				return assertion.map(a -> verifyText(a, email, "baked PNG"))
						.orElseGet(() -> unknown("This PNG carries no badge: it has no openbadges or openbadgecredential chunk."));
			}
			String text = new String(bytes, StandardCharsets.UTF_8).strip();
			if (text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			if (text.startsWith("<")) {
				return SvgBaking.readUploaded(bytes).map(b -> verifyText(b.text(), email, "baked SVG"))
						.orElseGet(() -> unknown("This SVG carries no badge: it has no openbadges:assertion or openbadges:credential element."));
			}
			if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
				return unknown("This is a ZIP archive, not a badge. Upload the badge image (PNG or SVG) or the credential file itself.");
			}
			return verifyText(text, email, "file");
		}
		catch (IllegalArgumentException ex) {
			return unknown(ex.getMessage());
		}
	}

	/** Pasted text: a credential as JSON, a VC-JWT, or a URL. */
	public Report verifyText(String input, String email) {
		return verifyText(input, email, "pasted text");
	}

	private Report verifyText(String input, String email, String source) {
		String text = input == null ? "" : input.strip();
		if (text.isEmpty()) {
			return unknown("Nothing to check: paste a credential or a link, or upload a badge image.");
		}
		if (text.length() > JsonLimits.MAX_CHARS) {
			return unknown("The text is larger than 1 MB: not read.");
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
			return unknown(ex.getMessage());
		}
		return unknown("The " + source + " is not a badge this tool recognises: expected JSON, a JWT or an http(s) link.");
	}

	private Report url(String text, String email) {
		URI url;
		try {
			url = URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			return unknown("That is not a valid link.");
		}
		Optional<String> ours = own.find(url);
		if (ours.isPresent()) {
			return json(ours.get(), email);
		}
		if (own.isOurs(url.toString())) {
			return unknown("This tool knows nothing at " + url + ".");
		}
		try {
			SafeFetcher.Fetched fetched = fetcher.get(url);
			if (fetched.status() == 410 && fetched.body() != null && fetched.body().trim().startsWith("{")) {
				return verifyText(fetched.body(), email, "document at " + url); // a revoked hosted assertion (Open Badges 2.0)
			}
			if (fetched.status() == 404 || fetched.status() == 410) {
				return unknown("The issuer's server says there is no badge at " + url + " (HTTP " + fetched.status() + ").");
			}
			if (fetched.status() != 200) {
				return unknown("The issuer's server answered HTTP " + fetched.status() + " for " + url + ".");
			}
			return verifyText(fetched.body(), email, "document at " + url);
		}
		catch (SafeFetcher.Refused ex) {
			return unknown(ex.getMessage());
		}
	}

	private Report json(String text, String email) {
		JsonLimits.check(text);
		JsonObject doc;
		try {
			doc = DataIntegrity.parse(text);
		}
		catch (JsonException | IllegalStateException ex) {
			return unknown("The text is not valid JSON.");
		}
		if (isCredential(doc)) {
			Findings f = new Findings();
			JsonValue proof = doc.get("proof");
			try {
				if (proof == null) {
					f.fail("Signature", "It carries no proof: anyone could have written it.");
				}
				else {
					integrity.verify(doc);
					f.verified("Signature", "Valid Data Integrity proof (eddsa-rdfc-2022) by the issuer's key.");
				}
			}
			catch (DataIntegrity.TooComplex ex) {
				return unknown(ex.getMessage()); // nothing else is worth checking on such a document
			}
			catch (DataIntegrity.Uncheckable ex) {
				f.skipped("Signature", ex.getMessage());
				f.status = Verdict.UNKNOWN;
				f.statusWords = ex instanceof DataIntegrity.KeyUnresolvable
						? "Unknown: the issuer's key could not be resolved offline, so nothing can be said about who signed it."
						: "Could not be checked: " + ex.getMessage();
			}
			catch (DataIntegrity.ProofInvalid ex) {
				f.fail("Signature", ex.getMessage());
			}
			credentials.check(doc, email, f);
			return f.report();
		}
		if (JsonFields.types(doc).contains("Assertion")) {
			return hosted.check(doc, email);
		}
		return unknown("The JSON is neither an Open Badges 2.0 assertion nor a verifiable credential.");
	}

	private static boolean isCredential(JsonObject doc) {
		JsonValue context = doc.get("@context");
		String contexts = context == null ? "" : context.toString();
		return (contexts.contains(JsonLdContexts.VC2_CONTEXT) || contexts.contains(JsonLdContexts.VC1_CONTEXT))
				&& JsonFields.types(doc).contains("VerifiableCredential");
	}
}
