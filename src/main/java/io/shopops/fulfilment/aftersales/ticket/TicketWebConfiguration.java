package io.shopops.fulfilment.aftersales.ticket;

import java.util.function.LongSupplier;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The navigation entry of the ticket queue and its home cards.
 */
@Configuration(proxyBeanMethods = false)
class TicketWebConfiguration {

	@Bean
	NavigationItem ticketsNavigation() {
		return new NavigationItem(Section.FULFILMENT, 41, "nav.tickets", "/after-sales/tickets", "chat-left-text");
	}

	@Bean
	WorkQueue openTicketsQueue(TicketQueries queries) {
		return new Queue("tickets.queue.open", "/after-sales/tickets", "chat-left-text", queries::countActive);
	}

	@Bean
	WorkQueue breachedTicketsQueue(TicketQueries queries) {
		return new Queue("tickets.queue.breached", "/after-sales/tickets?breached=true", "alarm",
				queries::countBreached);
	}

	private record Queue(String labelKey, String path, String icon, LongSupplier counter) implements WorkQueue {

		@Override
		public long count() {
			return this.counter.getAsLong();
		}

	}

}
