package io.shopops.fulfilment.order.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.fulfilment.order.OrderNotFoundException;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.web.OrderQuery.OrderView;
import io.shopops.fulfilment.order.web.OrderQuery.Queue;
import io.shopops.platform.BadInputException;
import io.shopops.platform.ShopSettings;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The order pages that only read: the list with its filters and seek paging, its CSV
 * export, the order page, packing lists and the SLA queues.
 */
@Controller
@RequestMapping("/orders")
class OrderPagesController {

	/** At most this many orders print on one packing list run. */
	static final int MAX_PACKING_LISTS = 100;

	static final int QUEUE_ROWS = 50;

	private final OrderQuery query;

	private final OrderExport export;

	private final ShopSettings settings;

	private final ShippingDeadlines deadlines;

	OrderPagesController(OrderQuery query, OrderExport export, ShopSettings settings, ShippingDeadlines deadlines) {
		this.query = query;
		this.export = export;
		this.settings = settings;
		this.deadlines = deadlines;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sku, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String number, @RequestParam(required = false) String overdue,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
		OrderFilter filter = OrderFilterParser.parse(status, channel, from, to, sku, customer, number, overdue, model);
		ZoneId zone = zone();
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.query.page(filter, zone, after, before));
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("channels", this.query.channels());
		model.addAttribute("zone", zone);
		return "fulfilment/orders/list";
	}

	@GetMapping("/export.csv")
	void exportCsv(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sku, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String number, @RequestParam(required = false) String overdue,
			HttpServletResponse response) throws IOException {
		OrderFilter filter = OrderFilterParser.parse(status, channel, from, to, sku, customer, number, overdue, null);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename("orders.csv").build().toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CsvWriter csv = CsvWriter.builder().build(writer);
		// closed (and so flushed) only on success: when the query fails before the first
		// buffer is sent, the response is still uncommitted and becomes an error page
		this.export.write(filter, zone(), csv);
		csv.close();
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		OrderView order = this.query.find(id).orElseThrow(() -> new OrderNotFoundException(Long.toString(id)));
		model.addAttribute("order", order);
		model.addAttribute("actions", actions(order).stream().map(Enum::name).collect(Collectors.toSet()));
		model.addAttribute("zone", zone());
		return "fulfilment/orders/detail";
	}

	@GetMapping("/{id:\\d+}/packing-list")
	String packingList(@PathVariable long id, Model model) {
		OrderView order = this.query.find(id).orElseThrow(() -> new OrderNotFoundException(Long.toString(id)));
		return print(List.of(order), model);
	}

	@GetMapping("/packing-lists")
	String packingLists(@RequestParam(name = "ids", required = false) List<Long> ids, Model model) {
		if (ids == null || ids.isEmpty()) {
			throw new BadInputException("order.packing.noSelection");
		}
		Set<Long> distinct = new LinkedHashSet<>(ids);
		if (distinct.size() > MAX_PACKING_LISTS) {
			throw new BadInputException("order.packing.tooMany", MAX_PACKING_LISTS);
		}
		List<OrderView> orders = new ArrayList<>();
		for (Long id : distinct) {
			if (id != null) {
				this.query.find(id).ifPresent(orders::add);
			}
		}
		if (orders.isEmpty()) {
			throw new OrderNotFoundException(distinct.toString());
		}
		return print(orders, model);
	}

	private String print(List<OrderView> orders, Model model) {
		model.addAttribute("orders", orders);
		model.addAttribute("zone", zone());
		model.addAttribute("shopName", this.settings.current().shopName());
		return "fulfilment/orders/packing-list";
	}

	@GetMapping("/queues")
	String queues(Model model) {
		model.addAttribute("toShip", this.query.queue(Queue.SHIP, QUEUE_ROWS));
		model.addAttribute("toDeliver", this.query.queue(Queue.DELIVER, QUEUE_ROWS));
		model.addAttribute("toShipCount", this.query.countLateToShip());
		model.addAttribute("toDeliverCount", this.query.countLateToDeliver());
		model.addAttribute("shipHours", this.deadlines.shipWithin().toHours());
		model.addAttribute("deliverDays", this.deadlines.deliverWithin().toDays());
		model.addAttribute("zone", zone());
		return "fulfilment/orders/queues";
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

	/**
	 * The actions the order page offers: those its status allows
	 * ({@link OrderStatus#next()}).
	 */
	static Set<OrderAction> actions(OrderView order) {
		Set<OrderStatus> next = order.status().next();
		Set<OrderAction> actions = EnumSet.noneOf(OrderAction.class);
		if (order.status() == OrderStatus.PENDING_PAYMENT && next.contains(OrderStatus.PAID)) {
			actions.add(OrderAction.PAY);
		}
		if (order.status() == OrderStatus.AWAITING_STOCK && next.contains(OrderStatus.PAID)) {
			actions.add(OrderAction.RESERVE);
		}
		if ((next.contains(OrderStatus.SHIPPED) || next.contains(OrderStatus.PARTIALLY_SHIPPED)) && !order.history()
				&& order.hasUnitsToShip()) {
			actions.add(OrderAction.SHIP);
		}
		if (!order.shipments().isEmpty() && order.status() != OrderStatus.CANCELLED) {
			actions.add(OrderAction.TRACK);
		}
		if (next.contains(OrderStatus.DELIVERED)) {
			actions.add(OrderAction.DELIVER);
		}
		if (next.contains(OrderStatus.COMPLETED)) {
			actions.add(OrderAction.COMPLETE);
		}
		if (next.contains(OrderStatus.CANCELLED)) {
			actions.add(OrderAction.CANCEL);
		}
		if (next.contains(OrderStatus.CLOSED)) {
			actions.add(OrderAction.CLOSE);
		}
		return actions;
	}

	/** What an operator can do on the order page. */
	enum OrderAction {

		PAY, RESERVE, SHIP, TRACK, DELIVER, COMPLETE, CANCEL, CLOSE

	}

}
