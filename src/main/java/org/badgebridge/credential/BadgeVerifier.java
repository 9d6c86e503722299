package org.badgebridge.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.springframework.stereotype.Service;

import org.badgebridge.credential.internal.SafeFetcher;
import org.badgebridge.platform.ToolUrls;

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

	private static final Pattern OWN_PATH = Pattern.compile("/(ob2/assertions|ob2/badges|ob2/issuers|ob3/status/(revocation|suspension)"
			+ "|ob3/credentials|verify)/([A-Za-z0-9-]{1,64})");

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

	private final StatusLists statusLists;

	private final OpenBadges2 ob2;

	private final OpenBadges3 ob3;

	private final SafeFetcher fetcher;

	private final ToolUrls urls;

	private final Clock clock;

	public BadgeVerifier(DataIntegrity integrity, CredentialKeys keys, CredentialSettings settings, StatusLists statusLists,
			OpenBadges2 ob2, OpenBadges3 ob3, SafeFetcher fetcher, ToolUrls urls, Clock clock) {
		this.integrity = integrity;
		this.keys = keys;
		this.settings = settings;
		this.statusLists = statusLists;
		this.ob2 = ob2;
		this.ob3 = ob3;
		this.fetcher = fetcher;
		this.urls = urls;
		this.clock = clock;
	}

	/** A report being built. */
	private static final class Findings {

		final List<Check> checks = new ArrayList<>();

		String format = "unknown";

		String badgeName;

		String issuerName;

		String issuerId;

		String issuedOn;

		String expires;

		String recipient;

		Verdict status = Verdict.VALID;

		String statusWords;

		void ok(String what, String detail) {
			checks.add(new Check(true, what, detail));
		}

		void fail(String what, String detail) {
			checks.add(new Check(false, what, detail));
		}

		void skipped(String what, String detail) {
			checks.add(new Check(null, what, detail));
		}

		Report report() {
			boolean failed = checks.stream().anyMatch(c -> Boolean.FALSE.equals(c.ok()));
			Verdict verdict = failed ? Verdict.INVALID : status;
			String summary = switch (verdict) {
				case INVALID -> "Not valid: " + checks.stream().filter(c -> Boolean.FALSE.equals(c.ok())).map(Check::detail).findFirst().orElse("");
				case VALID -> "Valid: " + (badgeName != null ? "\u201c" + badgeName + "\u201d " : "") + "issued by "
						+ (issuerName != null ? issuerName : issuerId) + ", signature and status checked.";
				default -> statusWords;
			};
			return new Report(verdict, summary, format, List.copyOf(checks), badgeName, issuerName, issuerId, issuedOn, expires, recipient);
		}
	}

	private static Report unknown(String why) {
		return new Report(Verdict.UNKNOWN, why, "unknown", List.of(), null, null, null, null, null, null);
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
		Optional<String> own = own(url);
		if (own.isPresent()) {
			return json(own.get(), email);
		}
		if (url.toString().startsWith(urls.base())) {
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

	/** Our own documents are read directly, never over the network. */
	private Optional<String> own(URI url) {
		String s = url.toString();
		if (!s.startsWith(urls.base() + "/")) {
			return Optional.empty();
		}
		Matcher m = OWN_PATH.matcher(url.getPath());
		if (!m.matches()) {
			return Optional.empty();
		}
		String kind = m.group(1);
		String id = m.group(3);
		Optional<Map<String, Object>> object = switch (kind) {
			case "ob2/assertions", "verify" -> ob2.assertion(id);
			case "ob2/badges" -> ob2.badgeClass(id);
			case "ob2/issuers" -> id.matches("\\d{1,18}") ? ob2.issuer(Long.parseLong(id)) : Optional.empty();
			default -> Optional.empty();
		};
		if (object.isPresent()) {
			return Optional.of(JSONObjectUtils.toJSONString(object.get()));
		}
		if (kind.startsWith("ob3/status") && id.matches("\\d{1,9}")) {
			return statusLists.credential(m.group(2), Integer.parseInt(id));
		}
		if (kind.equals("ob3/credentials")) {
			return ob3.find(id).map(OpenBadges3.Issued::json);
		}
		return Optional.empty();
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
			credential(doc, email, f);
			return f.report();
		}
		if (types(doc).contains("Assertion")) {
			return openBadges2(doc, email);
		}
		return unknown("The JSON is neither an Open Badges 2.0 assertion nor a verifiable credential.");
	}

	private static boolean isCredential(JsonObject doc) {
		JsonValue context = doc.get("@context");
		String contexts = context == null ? "" : context.toString();
		return (contexts.contains(JsonLdContexts.VC2_CONTEXT) || contexts.contains(JsonLdContexts.VC1_CONTEXT))
				&& types(doc).contains("VerifiableCredential");
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
		f.format = "VC-JWT";
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
		if (vc == null && (iss == null || !iss.equals(issuer) || !String.valueOf(claims.get("jti")).equals(string(doc, "id")))) {
			f.fail("Claims", "The JWT's iss/jti do not match the credential's issuer and id.");
		}
		credential(doc, email, f);
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

	/** The checks every credential gets once its proof was looked at: issuer, dates, status, recipient. */
	private void credential(JsonObject doc, String email, Findings f) {
		List<String> types = types(doc);
		boolean openBadge = types.contains("OpenBadgeCredential") || types.contains("AchievementCredential");
		f.format = openBadge ? "Open Badges 3.0 credential" : "Verifiable credential (not an Open Badge)";
		f.issuerId = DataIntegrity.issuerId(doc);
		JsonValue issuer = doc.get("issuer");
		f.issuerName = issuer instanceof JsonObject o ? string(o, "name") : null;
		JsonObject subject = doc.get("credentialSubject") instanceof JsonObject s ? s : null;
		JsonObject achievement = subject != null && subject.get("achievement") instanceof JsonObject a ? a : null;
		f.badgeName = achievement != null ? string(achievement, "name") : string(doc, "name");
		if (f.issuerId == null) {
			f.fail("Issuer", "The credential names no issuer.");
		}
		else {
			f.ok("Issuer", (f.issuerName != null ? f.issuerName + " (" + f.issuerId + ")" : f.issuerId)
					+ (ours(f.issuerId) ? ", which is this tool's issuer." : "."));
		}
		dates(doc, f);
		status(doc, f);
		if (subject == null || (subject.get("id") == null && subject.get("identifier") == null)) {
			f.fail("Recipient", "The credential does not say whom it was issued to.");
		}
		else {
			recipient(subject, email, f);
		}
	}

	private boolean ours(String issuerId) {
		if (settings.didWeb()) {
			return settings.didWebId().equals(issuerId);
		}
		return keys.all().stream().filter(k -> CredentialKeys.ED25519.equals(k.algorithm()))
				.anyMatch(k -> ("did:key:" + k.multibase()).equals(issuerId));
	}

	private void dates(JsonObject doc, Findings f) {
		Instant now = clock.instant();
		Instant from = instant(string(doc, "validFrom"), string(doc, "issuanceDate"));
		Instant until = instant(string(doc, "validUntil"), string(doc, "expirationDate"));
		f.issuedOn = from == null ? null : from.toString().substring(0, 10);
		f.expires = until == null ? null : until.toString().substring(0, 10);
		if (from == null) {
			f.fail("Dates", "The credential has no valid issue date.");
		}
		else if (from.isAfter(now.plusSeconds(300))) {
			f.fail("Dates", "The credential is not valid yet: it is valid from " + from + ".");
		}
		else if (until != null && until.isBefore(now)) {
			f.ok("Dates", "Issued " + f.issuedOn + "; expired " + f.expires + ".");
			expired(f, "Expired on " + f.expires + ": it was valid from " + f.issuedOn + " until then.");
		}
		else {
			f.ok("Dates", "Issued " + f.issuedOn + (until != null ? ", valid until " + f.expires : ", does not expire") + ".");
		}
	}

	private static void expired(Findings f, String words) {
		if (f.status == Verdict.VALID) {
			f.status = Verdict.EXPIRED;
			f.statusWords = words;
		}
	}

	private static Instant instant(String... candidates) {
		for (String c : candidates) {
			if (c != null) {
				try {
					return Instant.parse(c);
				}
				catch (DateTimeParseException ex) {
					try {
						return java.time.OffsetDateTime.parse(c).toInstant();
					}
					catch (DateTimeParseException ignored) {
						return null;
					}
				}
			}
		}
		return null;
	}

	private void status(JsonObject doc, Findings f) {
		JsonValue status = doc.get("credentialStatus");
		if (status == null) {
			f.skipped("Status", "The credential names no status list: revocation cannot be checked.");
			return;
		}
		List<JsonObject> entries = new ArrayList<>();
		if (status instanceof JsonObject o) {
			entries.add(o);
		}
		else if (status instanceof JsonArray a) {
			a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).limit(4).forEach(entries::add);
		}
		for (JsonObject entry : entries) {
			String type = string(entry, "type");
			if (!"BitstringStatusListEntry".equals(type)) {
				f.skipped("Status", "Status of type " + type + " is not checked here.");
				continue;
			}
			String purpose = string(entry, "statusPurpose");
			String list = string(entry, "statusListCredential");
			int index;
			try {
				index = Integer.parseInt(string(entry, "statusListIndex"));
			}
			catch (NumberFormatException ex) {
				f.fail("Status", "The status list index is not a number.");
				continue;
			}
			try {
				boolean set = bit(list, index, f.issuerId);
				if (!set) {
					f.ok("Status (" + purpose + ")", "Not " + ("suspension".equals(purpose) ? "suspended" : "revoked")
							+ " according to the issuer's status list.");
				}
				else if ("suspension".equals(purpose)) {
					f.ok("Status (suspension)", "Suspended by the issuer.");
					if (f.status != Verdict.REVOKED) {
						f.status = Verdict.SUSPENDED;
						f.statusWords = "Suspended: the issuer has put this credential on hold; it is not valid while suspended.";
					}
				}
				else {
					f.ok("Status (revocation)", "Revoked by the issuer.");
					f.status = Verdict.REVOKED;
					f.statusWords = "Revoked: the issuer withdrew this credential; it is no longer valid.";
				}
			}
			catch (StatusUnavailable ex) {
				f.skipped("Status (" + purpose + ")", ex.getMessage());
				if (f.status == Verdict.VALID) {
					f.status = Verdict.UNKNOWN;
					f.statusWords = "Unknown: the signature is fine but whether it was revoked could not be checked. " + ex.getMessage();
				}
			}
		}
	}

	private static final class StatusUnavailable extends Exception {

		StatusUnavailable(String message) {
			super(message);
		}
	}

	/** Reads one bit of a status list credential, checking the list's own signature and issuer. */
	private boolean bit(String listUrl, int index, String issuerId) throws StatusUnavailable {
		if (listUrl == null) {
			throw new StatusUnavailable("The status entry names no list.");
		}
		String json;
		Optional<String> own = own(URI.create(listUrl));
		if (own.isPresent()) {
			json = own.get();
		}
		else if (listUrl.startsWith(urls.base())) {
			throw new StatusUnavailable("This tool has no status list at " + listUrl + ".");
		}
		else {
			try {
				SafeFetcher.Fetched fetched = fetcher.get(URI.create(listUrl));
				if (fetched.status() != 200) {
					throw new StatusUnavailable("The status list " + listUrl + " answered HTTP " + fetched.status() + ".");
				}
				json = fetched.body();
			}
			catch (SafeFetcher.Refused ex) {
				throw new StatusUnavailable(ex.getMessage());
			}
		}
		JsonLimits.check(json);
		JsonObject list = DataIntegrity.parse(json);
		try {
			integrity.verify(list);
		}
		catch (DataIntegrity.ProofInvalid ex) {
			throw new StatusUnavailable("The status list's own signature is not valid: " + ex.getMessage());
		}
		if (issuerId == null || !issuerId.equals(DataIntegrity.issuerId(list))) {
			throw new StatusUnavailable("The status list was issued by someone other than the credential's issuer.");
		}
		JsonObject subject = list.get("credentialSubject") instanceof JsonObject s ? s : null;
		String encoded = subject == null ? null : string(subject, "encodedList");
		if (encoded == null || !encoded.startsWith("u")) {
			throw new StatusUnavailable("The status list has no encoded list.");
		}
		byte[] bits = gunzip(Base64.getUrlDecoder().decode(encoded.substring(1).replace("=", "")));
		if (index < 0 || index / 8 >= bits.length) {
			throw new StatusUnavailable("The status index " + index + " is outside the list.");
		}
		return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
	}

	private static byte[] gunzip(byte[] data) throws StatusUnavailable {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
				if (out.size() > 2 << 20) {
					throw new StatusUnavailable("The status list expands to more than 2 MB: refused.");
				}
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new StatusUnavailable("The status list's encoded list is not valid GZIP data.");
		}
	}

	private static void recipient(JsonObject subject, String email, Findings f) {
		JsonValue identifiers = subject.get("identifier");
		List<JsonObject> ids = new ArrayList<>();
		if (identifiers instanceof JsonArray a) {
			a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(ids::add);
		}
		else if (identifiers instanceof JsonObject o) {
			ids.add(o);
		}
		for (JsonObject id : ids) {
			if ("name".equals(string(id, "identityType")) && JsonValue.FALSE.equals(id.get("hashed"))) {
				f.recipient = string(id, "identityHash");
			}
		}
		if (email == null || email.isBlank()) {
			f.skipped("Recipient", f.recipient != null ? "Issued to " + f.recipient + " (enter their email address to check it)."
					: "Enter the holder's email address to check that the credential was issued to them.");
			return;
		}
		for (JsonObject id : ids) {
			if ("emailAddress".equals(string(id, "identityType"))) {
				String hash = string(id, "identityHash");
				boolean match = JsonValue.TRUE.equals(id.get("hashed"))
						? OpenBadges2.hashedIdentity(email, string(id, "salt") == null ? "" : string(id, "salt")).equalsIgnoreCase(hash)
						: email.trim().equalsIgnoreCase(hash);
				if (match) {
					f.ok("Recipient", "Issued to " + email.trim() + ".");
				}
				else {
					f.fail("Recipient", "It was not issued to " + email.trim() + ".");
				}
				return;
			}
		}
		f.skipped("Recipient", "The credential identifies its holder by no email address, so " + email.trim() + " cannot be checked.");
	}

	private Report openBadges2(JsonObject given, String email) {
		Findings f = new Findings();
		f.format = "Open Badges 2.0 assertion";
		JsonObject verification = given.get("verification") instanceof JsonObject v ? v : null;
		String kind = verification == null ? null : string(verification, "type");
		if (kind != null && (kind.equalsIgnoreCase("signed") || kind.equals("SignedBadge"))) {
			return unknown("Signed Open Badges 2.0 assertions are not checked here; hosted ones are.");
		}
		String id = string(given, "id");
		if (id == null || !(id.startsWith("https://") || id.startsWith("http://"))) {
			f.fail("Hosted copy", "The assertion has no http(s) id, so its issuer's copy cannot be fetched.");
			return f.report();
		}
		JsonObject hosted;
		try {
			hosted = fetchJson(id);
		}
		catch (StatusUnavailable ex) {
			return unknown("The issuer's copy of the assertion could not be read: " + ex.getMessage());
		}
		if (!id.equals(string(hosted, "id"))) {
			f.fail("Hosted copy", "The document at " + id + " has a different id (" + string(hosted, "id") + ").");
			return f.report();
		}
		f.ok("Hosted copy", "The issuer's server still hosts this assertion at " + id + ".");
		if (JsonValue.TRUE.equals(hosted.get("revoked"))) {
			f.status = Verdict.REVOKED;
			f.statusWords = "Revoked: the issuer withdrew this badge" + (string(hosted, "revocationReason") != null
					? " (" + string(hosted, "revocationReason") + ")." : ".");
			f.ok("Status", "Revoked by the issuer.");
		}
		else {
			f.ok("Status", "Not revoked.");
		}
		Instant issued = instant(string(hosted, "issuedOn"));
		Instant expires = instant(string(hosted, "expires"));
		f.issuedOn = issued == null ? null : issued.toString().substring(0, 10);
		f.expires = expires == null ? null : expires.toString().substring(0, 10);
		if (expires != null && expires.isBefore(clock.instant())) {
			expired(f, "Expired on " + f.expires + ": it was valid until then.");
		}
		String badgeUrl = string(hosted, "badge");
		try {
			JsonObject badge = badgeUrl != null ? fetchJson(badgeUrl) : hosted.getJsonObject("badge");
			f.badgeName = string(badge, "name");
			String issuerUrl = string(badge, "issuer");
			JsonObject issuer = issuerUrl != null ? fetchJson(issuerUrl) : badge.getJsonObject("issuer");
			f.issuerName = string(issuer, "name");
			f.issuerId = string(issuer, "id");
			String issuerHost = hostOf(string(issuer, "url"));
			String assertionHost = hostOf(id);
			if (issuerHost != null && assertionHost != null && !assertionHost.equals(issuerHost)
					&& !assertionHost.equals(hostOf(f.issuerId))) {
				f.skipped("Issuer", f.issuerName + ": note that the assertion is hosted at " + assertionHost
						+ ", not at the issuer's own site " + issuerHost + ".");
			}
			else {
				f.ok("Issuer", f.issuerName + " (" + f.issuerId + ").");
			}
		}
		catch (StatusUnavailable | ClassCastException | NullPointerException ex) {
			f.fail("Badge and issuer", "The badge or its issuer could not be read: " + ex.getMessage());
		}
		JsonObject recipient = hosted.get("recipient") instanceof JsonObject r ? r : null;
		if (email != null && !email.isBlank() && recipient != null) {
			String identity = string(recipient, "identity");
			boolean hashed = JsonValue.TRUE.equals(recipient.get("hashed"));
			boolean match = hashed ? OpenBadges2.hashedIdentity(email, string(recipient, "salt") == null ? "" : string(recipient, "salt"))
					.equalsIgnoreCase(identity) : email.trim().equalsIgnoreCase(identity);
			if (match) {
				f.ok("Recipient", "Issued to " + email.trim() + ".");
			}
			else {
				f.fail("Recipient", "It was not issued to " + email.trim() + ".");
			}
		}
		else {
			f.skipped("Recipient", "Enter the holder's email address to check that the badge was issued to them.");
		}
		return f.report();
	}

	private JsonObject fetchJson(String url) throws StatusUnavailable {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new StatusUnavailable("not a valid link: " + url);
		}
		Optional<String> own = own(uri);
		String body;
		if (own.isPresent()) {
			body = own.get();
		}
		else if (url.startsWith(urls.base())) {
			throw new StatusUnavailable("this tool has nothing at " + url);
		}
		else {
			try {
				SafeFetcher.Fetched fetched = fetcher.get(uri);
				if (fetched.status() != 200) {
					throw new StatusUnavailable(url + " answered HTTP " + fetched.status());
				}
				body = fetched.body();
			}
			catch (SafeFetcher.Refused ex) {
				throw new StatusUnavailable(ex.getMessage());
			}
		}
		JsonLimits.check(body);
		try {
			return DataIntegrity.parse(body);
		}
		catch (JsonException | IllegalStateException ex) {
			throw new StatusUnavailable(url + " is not JSON");
		}
	}

	private static String hostOf(String url) {
		try {
			return url == null ? null : URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<String> types(JsonObject doc) {
		JsonValue type = doc.get("type");
		if (type instanceof JsonString s) {
			return List.of(s.getString());
		}
		if (type instanceof JsonArray a) {
			return a.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
		}
		return List.of();
	}

	private static String string(JsonObject o, String key) {
		JsonValue v = o == null ? null : o.get(key);
		return v instanceof JsonString s ? s.getString() : null;
	}

}
