package org.badgebridge.infrastructure;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal that names its text as a message key with arguments, for pages in the reader's language, while its English
 * {@link #getMessage() message} stays for the log (and is shown where no bundle has the key). Pages resolve it
 * as Spring's {@link MessageSourceResolvable} ({@code web.Explanations}), so a module needs no web dependency.
 */
public interface Explained extends MessageSourceResolvable {

	/** The message key, or null: then the English message stands. */
	String messageKey();

	Object[] messageArguments();

	/** The English sentence (an exception's own message). */
	String getMessage();

	@Override
	default String[] getCodes() {
		return messageKey() == null ? null : new String[] { messageKey() };
	}

	@Override
	default Object[] getArguments() {
		return messageArguments();
	}

	@Override
	default String getDefaultMessage() {
		return getMessage();
	}
}
