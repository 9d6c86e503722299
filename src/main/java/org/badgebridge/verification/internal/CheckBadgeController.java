package org.badgebridge.verification.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.badgebridge.web.PublicEndpoint;

/**
 * "Verify a badge": the public page where employers upload or paste what a candidate showed them. Files above the
 * servlet's multipart limit are refused before this controller (413, explained by the error page). Checks are limited
 * per client address and minute ({@code badgebridge.verify.rate-limit-per-minute}): 429 with a page saying when to try again.
 */
@Controller
@PublicEndpoint("'verify a badge' for employers: anyone may check a badge; rate-limited per address, uploads bounded, links fetched under SSRF rules")
class CheckBadgeController {

	private final BadgeVerifier verifier;

	private final VerifyRateLimiter limiter;

	private final MessageSource messages;

	private final io.micrometer.core.instrument.MeterRegistry metrics;

	CheckBadgeController(BadgeVerifier verifier, VerifyRateLimiter limiter, MessageSource messages,
			io.micrometer.core.instrument.MeterRegistry metrics) {
		this.metrics = metrics;
		this.messages = messages;
		this.verifier = verifier;
		this.limiter = limiter;
	}

	@GetMapping("/verify")
	String form() {
		return "verification/check";
	}

	@PostMapping("/verify")
	String check(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
			@RequestParam(required = false) String email, Model model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader("Cache-Control", "no-store");
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			long seconds = limiter.secondsUntilNextWindow();
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(seconds));
			model.addAttribute("limited", messages.getMessage("public.check.limited", new Object[] { limiter.perMinute(), seconds },
					LocaleContextHolder.getLocale()));
			model.addAttribute("email", email);
			return "verification/check";
		}
		BadgeVerifier.Report report;
		try {
			if (file != null && !file.isEmpty()) {
				report = verifier.verifyFile(readAtMost(file), email);
			}
			else {
				model.addAttribute("text", text != null && text.length() <= 10_000 ? text : null);
				report = verifier.verifyText(text, email);
			}
		}
		catch (SafeFetcher.Busy ex) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "30");
			report = Findings.unknown(SafeFetcher.Busy.WORDS);
		}
		// badgebridge.verifications: "verify a badge" checks by verdict (VALID, EXPIRED, ..., UNKNOWN)
		io.micrometer.core.instrument.Counter.builder("badgebridge.verifications").description("Badges checked on /verify by verdict")
				.tag("verdict", report.verdict().name()).register(metrics).increment();
		model.addAttribute("email", email);
		model.addAttribute("report", report);
		return "verification/check";
	}

	/** Reads at most one byte more than an upload may have, so an oversized file is recognised, not read. */
	private static byte[] readAtMost(MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes(BadgeVerifier.MAX_UPLOAD + 1);
		}
	}

}
