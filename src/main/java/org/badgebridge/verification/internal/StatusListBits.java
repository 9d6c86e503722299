package org.badgebridge.verification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonObject;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.badgebridge.credential.CredentialKeysRotated;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.platform.ToolKeysRotated;

import static org.badgebridge.verification.internal.JsonFields.string;

/**
 * Reads one bit of a Bitstring status list credential, checking the list's own signature and issuer. The list is read
 * afresh on every check (ours from the database, others' fetched), so a bit that changed shows at once; a list whose
 * exact text was verified before is not canonicalised again: its issuer and decoded bits are kept by the SHA-256 of
 * that text (a changed bit makes another text, and another key). At most 64 lists are kept; all are dropped when keys
 * rotate.
 */
@Component
class StatusListBits {

	/** The list could not be read or trusted, said in words for the page. */
	static final class StatusUnavailable extends Exception {

		final transient Said said;

		StatusUnavailable(String key, Object... args) {
			this(new Said(key, args));
		}

		StatusUnavailable(Said said) {
			super(said.english());
			this.said = said;
		}
	}

	private record Verified(String issuer, byte[] bits) {
	}

	private final DataIntegrity integrity;

	private final OwnDocuments own;

	private final SafeFetcher fetcher;

	private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(64).executor(Runnable::run).build();

	StatusListBits(DataIntegrity integrity, OwnDocuments own, SafeFetcher fetcher) {
		this.integrity = integrity;
		this.own = own;
		this.fetcher = fetcher;
	}

	/** Whether the bit at {@code index} of the list at {@code listUrl}, issued by {@code issuerId}, is set. */
	boolean bit(String listUrl, int index, String issuerId) throws StatusUnavailable {
		if (listUrl == null) {
			throw new StatusUnavailable("public.check.status.no-list");
		}
		String json = read(listUrl);
		JsonLimits.check(json);
		String key = ProofCache.sha256(json);
		Verified list = verified.getIfPresent(key);
		if (list == null) {
			list = verify(json);
			verified.put(key, list);
		}
		if (issuerId == null || !issuerId.equals(list.issuer())) {
			throw new StatusUnavailable("public.check.status.other-issuer");
		}
		byte[] bits = list.bits();
		if (index < 0 || index / 8 >= bits.length) {
			throw new StatusUnavailable("public.check.status.outside", String.valueOf(index));
		}
		return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
	}

	private String read(String listUrl) throws StatusUnavailable {
		Optional<String> ours = own.find(URI.create(listUrl));
		if (ours.isPresent()) {
			return ours.get();
		}
		if (own.isOurs(listUrl)) {
			throw new StatusUnavailable("public.check.status.not-ours", listUrl);
		}
		try {
			SafeFetcher.Fetched fetched = fetcher.get(URI.create(listUrl));
			if (fetched.status() != 200) {
				throw new StatusUnavailable("public.check.status.http", listUrl, String.valueOf(fetched.status()));
			}
			return fetched.body();
		}
		catch (SafeFetcher.Refused ex) {
			throw new StatusUnavailable(ex.said());
		}
	}

	/** The list's signature checked in full, its issuer and its decoded bits. */
	private Verified verify(String json) throws StatusUnavailable {
		JsonObject list = DataIntegrity.parse(json);
		try {
			integrity.verify(list);
		}
		catch (DataIntegrity.ProofInvalid ex) {
			throw new StatusUnavailable("public.check.status.signature", ex.getMessage());
		}
		JsonObject subject = list.get("credentialSubject") instanceof JsonObject s ? s : null;
		String encoded = subject == null ? null : string(subject, "encodedList");
		if (encoded == null || !encoded.startsWith("u")) {
			throw new StatusUnavailable("public.check.status.no-encoded-list");
		}
		return new Verified(DataIntegrity.issuerId(list), gunzip(Base64.getUrlDecoder().decode(encoded.substring(1).replace("=", ""))));
	}

	private static byte[] gunzip(byte[] data) throws StatusUnavailable {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
				if (out.size() > 2 << 20) {
					throw new StatusUnavailable("public.check.status.too-large");
				}
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new StatusUnavailable("public.check.status.not-gzip");
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CredentialKeysRotated rotated) {
		verified.invalidateAll();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ToolKeysRotated rotated) {
		verified.invalidateAll();
	}
}
