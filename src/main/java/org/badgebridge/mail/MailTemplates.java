package org.badgebridge.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from its templates: {@code templates/mail/<name>.html} (HTML) and {@code templates/mail/<name>.txt}
 * (plain text, Thymeleaf's TEXT mode), in the given language, with messages from the {@code mail.*} keys of the
 * application's message bundles; the subject is the message {@code mail.<name>.subject} with the given arguments.
 * The engine is its own, not the pages' one: mails are rendered outside any request.
 */
@Service
public class MailTemplates {

	/** A rendered mail, ready for {@link Outbox#queue}. */
	public record Rendered(String subject, String text, String html) {
	}

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MessageSource messages;

	public MailTemplates(MessageSource messages) {
		this.messages = messages;
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "mail/*.html", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "mail/*.txt", 2));
		engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/** The mail {@code name} in {@code locale}; the model's values are available to both templates, as is {@code subject}. */
	public Rendered render(String name, Locale locale, Map<String, Object> model, Object... subjectArguments) {
		String subject = messages.getMessage("mail." + name + ".subject", subjectArguments, locale);
		Context context = new Context(locale);
		context.setVariables(model); // values may be null (no image, no logo)
		context.setVariable("subject", subject);
		return new Rendered(subject, engine.process("mail/" + name + ".txt", context).strip() + "\n",
				engine.process("mail/" + name + ".html", context));
	}
}
