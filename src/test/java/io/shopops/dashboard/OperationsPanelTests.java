package io.shopops.dashboard;

import java.util.List;
import java.util.Map;

import io.shopops.platform.WorkQueue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operational panel lists the queues the user may open, with their counts.
 */
class OperationsPanelTests {

	private static final WorkQueue LOW_STOCK = queue("queue.lowStock", "/inventory/low-stock", 3);

	private static final WorkQueue LATE = queue("queue.lateToShip", "/orders?late=ship", 0);

	private static final WorkQueue SECRET = queue("queue.secret", "/admin/secret", 7);

	@Test
	void onlyQueuesTheUserMayOpenWithTheirCountsAndNonZeroOnesNeedAttention() {
		WebInvocationPrivilegeEvaluator evaluator = new WebInvocationPrivilegeEvaluator() {
			@Override
			public boolean isAllowed(String uri, Authentication authentication) {
				// the query string is not part of the path the rules are asked about
				return !uri.startsWith("/admin") && !uri.contains("?");
			}

			@Override
			public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
				return isAllowed(uri, authentication);
			}
		};
		OperationsPanel panel = new OperationsPanel(List.of(LOW_STOCK, LATE, SECRET),
				new StaticListableBeanFactory(Map.of("privileges", evaluator))
					.getBeanProvider(WebInvocationPrivilegeEvaluator.class),
				io.shopops.platform.WorkQueueCounts.of(java.time.Duration.ZERO, java.time.Clock.systemUTC()));
		List<OperationsPanel.Signal> signals = panel
			.visibleTo(new TestingAuthenticationToken("m", "p", "ROLE_MANAGER"));
		assertThat(signals).extracting(OperationsPanel.Signal::path)
			.containsExactly("/inventory/low-stock", "/orders?late=ship");
		assertThat(signals).extracting(OperationsPanel.Signal::count).containsExactly(3L, 0L);
		assertThat(signals).extracting(OperationsPanel.Signal::attention).containsExactly(true, false);
	}

	private static WorkQueue queue(String labelKey, String path, long count) {
		return new WorkQueue() {
			@Override
			public String labelKey() {
				return labelKey;
			}

			@Override
			public String path() {
				return path;
			}

			@Override
			public String icon() {
				return "inbox";
			}

			@Override
			public long count() {
				return count;
			}
		};
	}

}
