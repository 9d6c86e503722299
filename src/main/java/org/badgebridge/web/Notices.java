package org.badgebridge.web;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Notices that survive a POST-redirect-GET without any servlet session or cookie: the notice is stored in the
 * database under a random one-time id that travels in the redirect's URL ({@code ?n=...}); the next page takes
 * it (and deletes it). Works inside an LMS frame that drops the tool's cookies, and on any node.
 */
@Service
public class Notices {

	public static final String PARAMETER = "n";

	static final Duration TTL = Duration.ofMinutes(10);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	Notices(JdbcClient jdbc, Clock clock, org.springframework.context.MessageSource messages) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * The text of a message key in the current request's language, for a notice ({@code Notice.info(notices.text(...))}):
	 * the page after the redirect is in the same language.
	 */
	public String text(String key, Object... args) {
		return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	/**
	 * What a refused action tells the person on the next page, in the request's language when the refusal names a
	 * message key ({@link Explanations}); an {@link InvalidInput} shows at its field.
	 */
	public Notice refusal(RuntimeException ex) {
		String text = Explanations.text(messages, ex, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		if (ex instanceof InvalidInput input && input.field() != null) {
			return Notice.field(input.field(), text);
		}
		return Notice.error(text);
	}

	/** A view name that redirects to {@code path} carrying the notice. */
	public String redirect(String path, Notice notice) {
		return "redirect:" + url(path, notice);
	}

	/** {@code path} with the notice's one-time id added. */
	public String url(String path, Notice notice) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", notice.message());
		body.put("error", notice.error());
		body.put("fields", notice.fields());
		long now = clock.millis();
		jdbc.sql("insert into page_notice (id, body, expires_at) values (?,?,?)")
				.params(id, JSONObjectUtils.toJSONString(body), now + TTL.toMillis()).update();
		return UriComponentsBuilder.fromUriString(path).replaceQueryParam(PARAMETER, id).build().toUriString();
	}

	/** The notice of that id, once. */
	public Optional<Notice> take(String id) {
		if (id == null || id.length() > 32) {
			return Optional.empty();
		}
		Optional<String> body = jdbc.sql("select body from page_notice where id=? and expires_at > ?").params(id, clock.millis())
				.query(String.class).optional();
		if (body.isEmpty() || jdbc.sql("delete from page_notice where id=?").param(id).update() != 1) {
			return Optional.empty();
		}
		try {
			Map<String, Object> map = JSONObjectUtils.parse(body.get());
			Map<String, String> fields = new LinkedHashMap<>();
			Map<String, Object> stored = JSONObjectUtils.getJSONObject(map, "fields");
			if (stored != null) {
				stored.forEach((k, v) -> fields.put(k, String.valueOf(v)));
			}
			return Optional.of(new Notice(JSONObjectUtils.getString(map, "message"), JSONObjectUtils.getBoolean(map, "error"), fields));
		}
		catch (ParseException ex) {
			return Optional.empty();
		}
	}

	@Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT10M")
	void forgetExpired() {
		jdbc.sql("delete from page_notice where expires_at < ?").param(clock.millis()).update();
	}
}
