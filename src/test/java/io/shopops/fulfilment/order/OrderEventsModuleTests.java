package io.shopops.fulfilment.order;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderEvents.OrderShipped;
import io.shopops.fulfilment.order.Orders.Placement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders publish their events through the event publication registry: stored with the
 * change, delivered after the commit, kept and retried when a listener fails.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class OrderEventsModuleTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	IncompleteEventPublications incompletePublications;

	@Autowired
	Reactions reactions;

	@Test
	void placingAPaidOrderPublishesPlacedAndPaidWithTheOrder(Scenario scenario) {
		String prefix = OrderFixtures.unique("EVT");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 3).get(0);
		String channel = OrderFixtures.channel(this.channels);
		String number = prefix + "-1";

		scenario
			.stimulate(() -> this.orders
				.place(OrderFixtures.draft(channel, number, OrderStatus.PAID, List.of(OrderFixtures.line(sku, 2)))))
			.andWaitForEventOfType(OrderPaid.class)
			.matchingMappedValue((event) -> event.order().number(), number)
			.toArriveAndVerify((event, placement) -> {
				assertThat(event.order()).isEqualTo(placement.order());
				assertThat(event.at()).isEqualTo(placement.order().times().paidAt());
				assertThat(event.order().lines()).extracting(OrderSnapshot.Line::sku).containsExactly(sku);
			});
	}

	@Test
	void shippingPublishesTheShippedLines(Scenario scenario) {
		String prefix = OrderFixtures.unique("EVS");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 3).get(0);
		String channel = OrderFixtures.channel(this.channels);
		Placement placement = this.orders
			.place(OrderFixtures.draft(channel, prefix, OrderStatus.PAID, List.of(OrderFixtures.line(sku, 3))));
		long orderId = placement.order().id();

		scenario.stimulate(() -> this.orders.ship(orderId, new Orders.ShipmentRequest("SF", "SF1", null, List.of())))
			.andWaitForEventOfType(OrderShipped.class)
			.matchingMappedValue((event) -> event.order().id(), orderId)
			.toArriveAndVerify((event) -> {
				assertThat(event.order().status()).isEqualTo(OrderStatus.SHIPPED);
				assertThat(event.trackingNumber()).isEqualTo("SF1");
				assertThat(event.lines()).extracting(OrderEvents.ShippedLine::quantity).containsExactly(3);
			});
	}

	@Test
	void theEventsAreStoredInTheTransactionOfTheChange(Scenario scenario) {
		String prefix = OrderFixtures.unique("EVR");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 3).get(0);
		String channel = OrderFixtures.channel(this.channels);
		String number = prefix + "-1";

		scenario.stimulate(() -> {
			this.orders
				.place(OrderFixtures.draft(channel, number, OrderStatus.PAID, List.of(OrderFixtures.line(sku, 1))));
			// before the commit: one publication per listener, none completed
			return publications(number);
		})
			.andWaitForStateChange(() -> this.reactions.received(number), (received) -> received.size() == 2)
			.andVerify((received, stored) -> {
				assertThat(stored).containsExactlyInAnyOrder(OrderPlaced.class.getName() + " open",
						OrderPaid.class.getName() + " open");
				assertThat(received).containsExactlyInAnyOrder("placed", "paid");
			});
		scenario.stimulate(() -> publications(number))
			.andWaitForStateChange(() -> publications(number), List::isEmpty)
			.andVerify((stored) -> assertThat(stored).isEmpty());
	}

	@Test
	void aFailingListenerLeavesAnIncompletePublicationThatIsRetried(Scenario scenario) {
		String prefix = OrderFixtures.unique("EVF");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 3).get(0);
		String channel = OrderFixtures.channel(this.channels);
		String number = prefix + "-1";
		this.reactions.failFor(number);

		scenario
			.stimulate(() -> this.orders
				.place(OrderFixtures.draft(channel, number, OrderStatus.PAID, List.of(OrderFixtures.line(sku, 1)))))
			.andWaitForStateChange(() -> failed(number), (count) -> count > 0)
			.andVerify((count) -> {
				assertThat(publications(number)).containsExactly(OrderPlaced.class.getName() + " open");
				assertThat(this.reactions.received(number)).containsExactlyInAnyOrder("paid", "failed");
			});

		// the listener works again: the kept publication is delivered once more
		this.reactions.recover(number);
		scenario
			.stimulate(() -> this.incompletePublications
				.resubmitIncompletePublications((publication) -> publication.getEvent() instanceof OrderPlaced placed
						&& placed.order().number().equals(number)))
			.andWaitForStateChange(() -> publications(number), List::isEmpty)
			.andVerify((stored) -> assertThat(this.reactions.received(number)).contains("placed"));
	}

	/**
	 * The publications of the order's events in the registry: event type and whether
	 * completed.
	 */
	private List<String> publications(String number) {
		return new TransactionTemplate(this.transactions).execute((status) -> this.jdbc
			.sql("SELECT event_type || CASE WHEN completion_date IS NULL THEN ' open' ELSE ' done' END "
					+ "FROM event_publication WHERE serialized_event LIKE :number")
			.param("number", "%\"" + number + "\"%")
			.query(String.class)
			.list());
	}

	private long failed(String number) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :number "
					+ "AND completion_date IS NULL AND status = 'FAILED'")
			.param("number", "%\"" + number + "\"%")
			.query(Long.class)
			.single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		Reactions orderReactions() {
			return new Reactions();
		}

	}

	/**
	 * A listener in the style of another module's: after the commit, in its own
	 * transaction. It fails for the order numbers given to {@link #failFor(String)}; it
	 * is proxied (async, transactional), so it is driven through methods.
	 */
	static class Reactions {

		private final Set<String> failing = ConcurrentHashMap.newKeySet();

		private final Map<String, List<String>> received = new ConcurrentHashMap<>();

		@ApplicationModuleListener
		void on(OrderPlaced event) {
			String number = event.order().number();
			if (this.failing.contains(number)) {
				record(number, "failed");
				throw new IllegalStateException("listener unavailable");
			}
			record(number, "placed");
		}

		@ApplicationModuleListener
		void on(OrderPaid event) {
			record(event.order().number(), "paid");
		}

		void failFor(String number) {
			this.failing.add(number);
		}

		void recover(String number) {
			this.failing.remove(number);
		}

		List<String> received(String number) {
			return List.copyOf(this.received.getOrDefault(number, List.of()));
		}

		private void record(String number, String what) {
			this.received.computeIfAbsent(number, (n) -> new CopyOnWriteArrayList<>()).add(what);
		}

	}

}
