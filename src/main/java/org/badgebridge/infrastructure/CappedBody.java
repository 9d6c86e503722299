package org.badgebridge.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/** Collects the body up to a cap; cancelling its subscription closes the connection. */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

	/** The body went over the cap. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("answer too large");
		}
	}

	private final int max;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

	CappedBody(int max) {
		this.max = max;
	}

	@Override
	public void onSubscribe(Flow.Subscription s) {
		if (!subscription.compareAndSet(null, s) || result.isDone()) {
			s.cancel();
			return;
		}
		s.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (result.isDone()) {
			return;
		}
		for (ByteBuffer item : items) {
			if (out.size() + item.remaining() > max) {
				abort(new TooLarge());
				return;
			}
			byte[] bytes = new byte[item.remaining()];
			item.get(bytes);
			out.write(bytes, 0, bytes.length);
		}
	}

	@Override
	public void onError(Throwable error) {
		result.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		result.complete(out.toByteArray());
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return result;
	}

	void abort(IOException why) {
		result.completeExceptionally(why);
		Flow.Subscription s = subscription.getAndSet(CANCELLED);
		if (s != null && s != CANCELLED) {
			s.cancel();
		}
	}

	private static final Flow.Subscription CANCELLED = new Flow.Subscription() {

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
		}
	};
}
