package org.badgebridge.credential.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import org.badgebridge.credential.BadgeVerifier;

/** "Verify a badge": the public page where employers upload or paste what a candidate showed them. */
@Controller
class CheckBadgeController {

	private final BadgeVerifier verifier;

	CheckBadgeController(BadgeVerifier verifier) {
		this.verifier = verifier;
	}

	@GetMapping("/verify")
	String form() {
		return "credential/check";
	}

	@PostMapping("/verify")
	String check(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
			@RequestParam(required = false) String email, Model model, HttpServletResponse response) throws IOException {
		response.setHeader("Cache-Control", "no-store");
		BadgeVerifier.Report report;
		if (file != null && !file.isEmpty()) {
			report = verifier.verifyFile(readAtMost(file), email);
		}
		else {
			report = verifier.verifyText(text, email);
			model.addAttribute("text", text != null && text.length() <= 10_000 ? text : null);
		}
		model.addAttribute("email", email);
		model.addAttribute("report", report);
		return "credential/check";
	}

	/** Reads at most one byte more than an upload may have, so an oversized file is recognised, not read. */
	private static byte[] readAtMost(MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes(BadgeVerifier.MAX_UPLOAD + 1);
		}
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(Model model, HttpServletResponse response) {
		response.setStatus(413);
		model.addAttribute("report", new BadgeVerifier.Report(BadgeVerifier.Verdict.UNKNOWN,
				"The file is larger than 2 MB: badge images are far smaller. Nothing was read.", "unknown", java.util.List.of(), null,
				null, null, null, null, null));
		return "credential/check";
	}
}
