package io.shopops.fulfilment.aftersales;

import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The after-sales cards on the operator home: requests waiting beyond their SLA, and open
 * requests.
 */
@Configuration(proxyBeanMethods = false)
class AfterSalesWebConfiguration {

	@Bean
	WorkQueue overdueAfterSalesQueue(AfterSalesQuery query) {
		return new Queue("afterSales.queue.overdue", "/after-sales?overdue=true", "alarm", query, true);
	}

	@Bean
	WorkQueue openAfterSalesQueue(AfterSalesQuery query) {
		return new Queue("afterSales.queue.open", "/after-sales", "arrow-return-left", query, false);
	}

	private record Queue(String labelKey, String path, String icon, AfterSalesQuery query,
			boolean overdue) implements WorkQueue {

		@Override
		public long count() {
			return this.overdue ? this.query.countOverdue() : this.query.countOpen();
		}

	}

}
