package io.shopops.platform.events;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Serializes an event once for all its listeners. The event publication registry stores
 * one publication per listener of an event and serializes the event for each of them; for
 * a batch event (the order import's {@code HistoryRecorded} carries up to 2,000 orders,
 * listened to by five modules) the JSON cost more than writing the orders. The serializer
 * the registry uses is wrapped so that the same event object, serialized again on the
 * same thread right after, gets the same text without a second serialization. Events are
 * immutable records, so the text cannot differ.
 */
@Configuration(proxyBeanMethods = false)
class OnceSerializedEvents {

	@Bean
	static BeanPostProcessor onceSerializedEventsPostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof EventSerializer serializer && !(bean instanceof LastEventSerializer))
						? new LastEventSerializer(serializer) : bean;
			}
		};
	}

	/**
	 * Remembers, per thread, the last event it serialized and its text: the event weakly,
	 * the text softly, so neither outlives its use for long.
	 */
	static final class LastEventSerializer implements EventSerializer {

		private final EventSerializer delegate;

		private final ThreadLocal<Last> last = new ThreadLocal<>();

		LastEventSerializer(EventSerializer delegate) {
			this.delegate = delegate;
		}

		@Override
		public Object serialize(Object event) {
			Last previous = this.last.get();
			if (previous != null && previous.event().get() == event) {
				Object serialized = previous.serialized().get();
				if (serialized != null) {
					return serialized;
				}
			}
			Object serialized = this.delegate.serialize(event);
			this.last.set(new Last(new WeakReference<>(event), new SoftReference<>(serialized)));
			return serialized;
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			return this.delegate.deserialize(serialized, type);
		}

	}

	private record Last(WeakReference<Object> event, SoftReference<Object> serialized) {
	}

}
