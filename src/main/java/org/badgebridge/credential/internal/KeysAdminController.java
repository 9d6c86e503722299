package org.badgebridge.credential.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.badgebridge.credential.CredentialKeys;
import org.badgebridge.credential.CredentialSettings;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.web.Admin;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * The keys page: the tool's LTI signing keys ({@code platform}'s) and the credential keys, each with its age, state
 * and use, and "rotate now" for either after a confirmation page. Here rather than in {@code platform} because
 * {@code credential} may read both.
 */
@Controller
@RequestMapping("/admin/keys")
class KeysAdminController {

	/** A row of the page: what the template shows of either kind of key. */
	record KeyRow(String kid, String algorithm, Instant created, long ageDays, boolean current, Instant publishedUntil,
			long signed) {
	}

	private final ToolKeys toolKeys;

	private final CredentialKeys credentialKeys;

	private final CredentialSettings settings;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final Notices notices;

	KeysAdminController(ToolKeys toolKeys, CredentialKeys credentialKeys, CredentialSettings settings, JdbcClient jdbc,
			java.time.Clock clock, Notices notices) {
		this.toolKeys = toolKeys;
		this.credentialKeys = credentialKeys;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.notices = notices;
	}

	@GetMapping
	String keys(Admin admin, Model model) {
		toolKeys.current(); // the first key exists before it is listed
		credentialKeys.ensureKeys();
		Instant now = clock.instant();
		model.addAttribute("toolKeys", toolKeys.published().stream().map(k -> new KeyRow(k.kid(), "RS256", Instant.ofEpochMilli(k.createdAt()),
				ageDays(k.createdAt(), now), k.current(), k.publishedUntil() == null ? null : Instant.ofEpochMilli(k.publishedUntil()), 0))
				.toList());
		Map<String, Long> signed = signedPerKey();
		model.addAttribute("credentialKeys", credentialKeys.listed().stream().map(k -> new KeyRow(k.kid(), k.algorithm(),
				Instant.ofEpochMilli(k.createdAt()), ageDays(k.createdAt(), now), k.current(), null, signed.getOrDefault(k.kid(), 0L)))
				.toList());
		model.addAttribute("didWeb", settings.didWeb());
		model.addAttribute("didWebId", settings.didWebId());
		model.addAttribute("issuerId", settings.issuerId(credentialKeys.ed25519()));
		return "credential/keys";
	}

	@GetMapping("/rotate")
	String confirmTool(Admin admin, Model model) {
		model.addAttribute("which", "tool");
		return "credential/keys-rotate";
	}

	@PostMapping("/rotate")
	String rotateTool(Admin admin) {
		String kid = toolKeys.rotate(admin.username()).getKeyID();
		return notices.redirect("/admin/keys", Notice.info(notices.text("admin.keys.rotated", kid)));
	}

	@GetMapping("/credentials/rotate")
	String confirmCredentials(Admin admin, Model model) {
		model.addAttribute("which", "credentials");
		model.addAttribute("didWeb", settings.didWeb());
		return "credential/keys-rotate";
	}

	@PostMapping("/credentials/rotate")
	String rotateCredentials(Admin admin) {
		String kids = credentialKeys.rotate(admin.username());
		return notices.redirect("/admin/keys", Notice.info(notices.text(settings.didWeb() ? "admin.keys.credentials.rotated"
				: "admin.keys.credentials.rotatedDidKey", kids.replace(",", ", "), settings.issuerId(credentialKeys.ed25519()))));
	}

	/** How many stored credentials each key signed (Data Integrity proof or VC-JWT), from the rows' key ids. */
	private Map<String, Long> signedPerKey() {
		Map<String, Long> counts = new java.util.HashMap<>();
		for (String column : List.of("di_kid", "jwt_kid")) {
			jdbc.sql("select " + column + ", count(*) from ob3_credential group by " + column)
					.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
					.forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
		}
		return counts;
	}

	private static long ageDays(long createdAt, Instant now) {
		return Math.max(0, Duration.between(Instant.ofEpochMilli(createdAt), now).toDays());
	}
}
