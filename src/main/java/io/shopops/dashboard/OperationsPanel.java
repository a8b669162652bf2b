package io.shopops.dashboard;

import java.util.List;

import io.shopops.platform.WorkQueue;
import io.shopops.platform.WorkQueueCounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The KPI page's operational panel: every module's work queues (low stock, overdue
 * shipments, after-sales and tickets beyond their SLA, bad reviews, …) the user may open,
 * with their live counts, in the order the modules contribute them.
 */
@Component
class OperationsPanel {

	private final List<WorkQueue> queues;

	private final SingletonSupplier<WebInvocationPrivilegeEvaluator> privileges;

	private final WorkQueueCounts counts;

	OperationsPanel(List<WorkQueue> queues, ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
			WorkQueueCounts counts) {
		this.queues = queues;
		this.counts = counts;
		this.privileges = SingletonSupplier.of(privileges::getIfAvailable);
	}

	/**
	 * The queues the user may open, with their counts now.
	 * @param user the signed-in user
	 * @return the signals, never {@code null}
	 */
	List<Signal> visibleTo(Authentication user) {
		WebInvocationPrivilegeEvaluator evaluator = this.privileges.get();
		return this.queues.stream()
			.filter((queue) -> evaluator == null || evaluator.isAllowed(pathOnly(queue.path()), user))
			.map((queue) -> new Signal(queue.labelKey(), queue.path(), queue.icon(), this.counts.count(queue)))
			.toList();
	}

	private static String pathOnly(String path) {
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

	/**
	 * A work queue on the panel.
	 *
	 * @param labelKey the message key of its title
	 * @param path the page listing its items
	 * @param icon its Bootstrap Icons name
	 * @param count the items waiting now
	 */
	record Signal(String labelKey, String path, String icon, long count) {

		public boolean attention() {
			return this.count > 0;
		}

	}

}
