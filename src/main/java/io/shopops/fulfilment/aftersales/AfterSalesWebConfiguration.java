package io.shopops.fulfilment.aftersales;

import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The after-sales cards on the operator home: requests waiting beyond their SLA, open
 * requests, requested refunds waiting for a decision (those above the threshold for a
 * manager) and returns received but not yet inspected; each links to the queue filtered
 * to the same requests.
 */
@Configuration(proxyBeanMethods = false)
class AfterSalesWebConfiguration {

	@Bean
	WorkQueue overdueAfterSalesQueue(AfterSalesQuery query) {
		return new Queue("afterSales.queue.overdue", "/after-sales?overdue=true", "alarm", query, Kind.OVERDUE);
	}

	@Bean
	WorkQueue openAfterSalesQueue(AfterSalesQuery query) {
		return new Queue("afterSales.queue.open", "/after-sales", "arrow-return-left", query, Kind.OPEN);
	}

	@Bean
	WorkQueue refundsToApproveQueue(AfterSalesQuery query) {
		return new Queue("afterSales.card.refundsToApprove", "/after-sales?approval=true", "cash-coin", query,
				Kind.TO_APPROVE);
	}

	@Bean
	WorkQueue returnsToInspectQueue(AfterSalesQuery query) {
		return new Queue("afterSales.card.returnsToInspect", "/after-sales?status=received", "box-seam", query,
				Kind.TO_INSPECT);
	}

	enum Kind {

		OVERDUE, OPEN, TO_APPROVE, TO_INSPECT

	}

	record Queue(String labelKey, String path, String icon, AfterSalesQuery query, Kind kind) implements WorkQueue {

		@Override
		public long count() {
			return switch (this.kind) {
				case OVERDUE -> this.query.countOverdue();
				case OPEN -> this.query.countOpen();
				case TO_APPROVE -> this.query.countToApprove();
				case TO_INSPECT -> this.query.countToInspect();
			};
		}

	}

}
