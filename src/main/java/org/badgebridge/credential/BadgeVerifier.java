package org.badgebridge.credential;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.springframework.stereotype.Service;

import org.badgebridge.credential.internal.CredentialChecks;
import org.badgebridge.credential.internal.Findings;
import org.badgebridge.credential.internal.HostedAssertions;
import org.badgebridge.credential.internal.JsonFields;
import org.badgebridge.credential.internal.OwnDocuments;
import org.badgebridge.credential.internal.SafeFetcher;

/**
 * "Verify a badge" for employers: takes a baked PNG or SVG, a credential (JSON or VC-JWT) or a URL, and says
 * in plain words what it found: signature, issuer, validity dates, revocation or suspension, recipient. It checks
 * this tool's credentials and any well-formed Open Badges 2.0 hosted assertion or 3.0 credential whose keys it
 * can resolve offline ({@code did:key}, or our own keys). Hostile input costs bounded work and nothing is stored.
 */
@Service
public class BadgeVerifier {

	public static final int MAX_UPLOAD = 2 << 20;

	private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	public enum Verdict {
		VALID, EXPIRED, SUSPENDED, REVOKED, INVALID, UNKNOWN
	}

	/** One thing checked: whether it passed (null: not checked, with why) and what was found. */
	public record Check(Boolean ok, String what, String detail) {
	}

	public record Report(Verdict verdict, String summary, String format, List<Check> checks, String badgeName, String issuerName,
			String issuerId, String issuedOn, String expires, String recipient) {
	}

	private final DataIntegrity integrity;

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	private final OwnDocuments own;

	private final CredentialChecks credentials;

	private final HostedAssertions hosted;

	private final SafeFetcher fetcher;

	public BadgeVerifier(DataIntegrity integrity, CredentialKeys keys, CredentialSettings settings, OwnDocuments own,
			CredentialChecks credentials, HostedAssertions hosted, SafeFetcher fetcher) {
		this.integrity = integrity;
		this.keys = keys;
		this.settings = settings;
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
				return jwt(text, email);
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
					f.ok("Signature", "Valid Data Integrity proof (eddsa-rdfc-2022) by the issuer's key.");
				}
			}
			catch (DataIntegrity.KeyUnresolvable ex) {
				f.skipped("Signature", ex.getMessage());
				f.status = Verdict.UNKNOWN;
				f.statusWords = "Unknown: the issuer's key could not be resolved offline, so nothing can be said about who signed it.";
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

	private Report jwt(String text, String email) {
		Findings f = new Findings();
		JWT jwt;
		try {
			jwt = JWTParser.parse(text);
		}
		catch (ParseException ex) {
			return unknown("The text looks like a JWT but cannot be read: " + ex.getMessage());
		}
		if (jwt instanceof PlainJWT) {
			f.fail("Signature", "The JWT is unsigned (alg \"none\"): anyone could have written it. Refused.");
			return f.report();
		}
		if (!(jwt instanceof SignedJWT signed)) {
			return unknown("Encrypted JWTs cannot be checked here.");
		}
		Map<String, Object> claims;
		try {
			claims = signed.getJWTClaimsSet().toJSONObject();
		}
		catch (ParseException ex) {
			return unknown("The JWT's payload is not a JSON object.");
		}
		Object vc = claims.get("vc");
		Map<String, Object> credential = vc instanceof Map<?, ?> ? castMap(vc) : claims;
		JsonObject doc;
		try {
			String json = JSONObjectUtils.toJSONString(credential);
			JsonLimits.check(json);
			doc = DataIntegrity.parse(json);
		}
		catch (JsonException ex) {
			return unknown("The JWT's payload is not a credential.");
		}
		JWSAlgorithm alg = signed.getHeader().getAlgorithm();
		String kid = signed.getHeader().getKeyID();
		Optional<JWK> key = ownJwtKey(kid);
		if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.RS384.equals(alg) && !JWSAlgorithm.RS512.equals(alg)) {
			f.skipped("Signature", "Signed with " + alg + ", which this tool cannot check; it checks RSA-signed VC-JWTs.");
			f.status = Verdict.UNKNOWN;
			f.statusWords = "Unknown: the signature could not be checked here.";
		}
		else if (key.isEmpty()) {
			f.skipped("Signature", "The signing key " + kid + " cannot be resolved without fetching it (this tool resolves its own keys).");
			f.status = Verdict.UNKNOWN;
			f.statusWords = "Unknown: the issuer's key could not be resolved offline, so nothing can be said about who signed it.";
		}
		else {
			try {
				if (signed.verify(new RSASSAVerifier(key.get().toRSAKey()))) {
					f.ok("Signature", "Valid JWT signature (" + alg + ") by this tool's key " + kid + ".");
				}
				else {
					f.fail("Signature", "The JWT signature does not match: it was changed after signing, or not signed with this key.");
				}
			}
			catch (JOSEException ex) {
				f.fail("Signature", "The JWT signature cannot be checked: " + ex.getMessage());
			}
		}
		String issuer = DataIntegrity.issuerId(doc);
		Object iss = claims.get("iss");
		if (vc == null && (iss == null || !iss.equals(issuer) || !String.valueOf(claims.get("jti")).equals(JsonFields.string(doc, "id")))) {
			f.fail("Claims", "The JWT's iss/jti do not match the credential's issuer and id.");
		}
		credentials.check(doc, email, f);
		f.format = f.format + ", as a VC-JWT";
		return f.report();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object o) {
		return (Map<String, Object>) o;
	}

	private Optional<JWK> ownJwtKey(String kid) {
		if (kid == null) {
			return Optional.empty();
		}
		return keys.all().stream().filter(k -> CredentialKeys.RS256.equals(k.algorithm()))
				.filter(k -> kid.equals(settings.jwtKeyId(k.kid())) || kid.equals(k.kid())).map(CredentialKeys.PublicKey::jwk).findFirst();
	}
}
