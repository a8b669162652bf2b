package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.AfterSalesException;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.LineOutcome;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.aftersales.ticket.TicketDraft;
import io.shopops.fulfilment.aftersales.ticket.TicketPriority;
import io.shopops.fulfilment.aftersales.ticket.Tickets;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.AuditLog;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The after-sales pages: the queue, a request with the actions its status and the user's
 * role allow, a new request from an order, the return-reason analytics and the settings.
 */
@Controller
class AfterSalesController {

	static final int MAX_ANALYTICS_DAYS = 366;

	/** The source of the tickets opened from a request. */
	static final String TICKET_SOURCE = "after_sales";

	private final AfterSales afterSales;

	private final AfterSalesQuery query;

	private final AfterSalesSettings settings;

	private final Orders orders;

	private final ShopSettings shop;

	private final MessageSource messages;

	private final Tickets tickets;

	private final AuditLog auditLog;

	AfterSalesController(AfterSales afterSales, AfterSalesQuery query, AfterSalesSettings settings, Orders orders,
			ShopSettings shop, MessageSource messages, Tickets tickets, AuditLog auditLog) {
		this.tickets = tickets;
		this.auditLog = auditLog;
		this.afterSales = afterSales;
		this.query = query;
		this.settings = settings;
		this.orders = orders;
		this.shop = shop;
		this.messages = messages;
	}

	@GetMapping("/after-sales")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String overdue, @RequestParam(required = false) String approval,
			@RequestParam(required = false) String page, Model model, Authentication user, Locale locale) {
		List<String> warnings = new ArrayList<>();
		RequestStatus statusValue = parse(status, RequestStatus.class, warnings);
		RequestType typeValue = parse(type, RequestType.class, warnings);
		AfterSalesSettings.Values values = this.settings.current();
		String reasonValue = blankToNull(reason);
		if (reasonValue != null && reasonValue.length() > AfterSalesSettings.MAX_REASON_LENGTH) {
			reasonValue = null;
			warnings.add("afterSales.filter.invalid");
		}
		List<String> channels = this.query.channels();
		String channelValue = blankToNull(channel);
		if (channelValue != null && !channels.contains(channelValue)) {
			channelValue = null;
			warnings.add("afterSales.filter.invalid");
		}
		AfterSalesQuery.QueueFilter filter = new AfterSalesQuery.QueueFilter(statusValue, typeValue, reasonValue,
				channelValue, "true".equals(overdue), "true".equals(approval));
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.query.page(filter, pageNumber(page, warnings)));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("types", RequestType.values());
		model.addAttribute("reasons", values.reasons());
		List<String> labelled = new ArrayList<>(values.reasons());
		labelled.add(AfterSalesService.CHANNEL_REFUND_REASON);
		model.addAttribute("reasonLabels", reasonLabels(labelled, locale));
		model.addAttribute("channels", channels);
		model.addAttribute("slaHours", values.slaHours());
		model.addAttribute("filterWarning", warnings.isEmpty() ? null : warnings.get(0));
		model.addAttribute("manager", authority(user) == Authority.MANAGER);
		model.addAttribute("zone", zone());
		return "fulfilment/after-sales/list";
	}

	@GetMapping("/after-sales/{id:\\d{1,18}}")
	String show(@PathVariable long id, Model model, Authentication user, Locale locale) {
		AfterSalesRequest request = this.afterSales.find(id).orElseThrow(() -> new RequestNotFoundException());
		OrderSnapshot order = this.orders.find(request.orderId()).orElseThrow(RequestNotFoundException::new);
		AfterSalesSettings.Values values = this.settings.current();
		boolean manager = authority(user) == Authority.MANAGER;
		model.addAttribute("request", request);
		model.addAttribute("order", order);
		model.addAttribute("actions", actions(request).stream().map(Enum::name).collect(Collectors.toSet()));
		model.addAttribute("reasonLabel", reasonLabel(request.reasonCode(), locale));
		model.addAttribute("threshold", values.refundThreshold());
		model.addAttribute("needsManager",
				!manager && request.requestedAmount().compareTo(values.refundThreshold()) > 0);
		model.addAttribute("overdue", request.status().open()
				&& request.statusSince().isBefore(java.time.Instant.now().minus(values.slaHours(), ChronoUnit.HOURS)));
		model.addAttribute("ticketId", this.tickets.find(TICKET_SOURCE, String.valueOf(request.id())).orElse(null));
		model.addAttribute("zone", zone());
		return "fulfilment/after-sales/detail";
	}

	/**
	 * Opens a service ticket about the request, or goes to the open one it already has.
	 */
	@PostMapping("/after-sales/{id:\\d{1,18}}/ticket")
	String openTicket(@PathVariable long id, Locale locale) {
		AfterSalesRequest request = this.afterSales.find(id).orElseThrow(() -> new RequestNotFoundException());
		String reference = String.valueOf(id);
		boolean had = this.tickets.find(TICKET_SOURCE, reference).isPresent();
		String subject = this.messages.getMessage("afterSales.ticket.subject",
				new Object[] { String.valueOf(id), request.orderNumber() }, locale);
		String body = this.messages.getMessage("afterSales.type." + request.type(), null, request.type().name(), locale)
				+ " · " + reasonLabel(request.reasonCode(), locale)
				+ ((request.reasonText() != null) ? "\n" + request.reasonText() : "");
		long ticket = this.tickets.open(new TicketDraft(subject, body, TicketPriority.NORMAL, request.orderId(), null,
				null, TICKET_SOURCE, reference));
		if (!had) {
			this.auditLog.record("AFTER_SALES_TICKET_OPENED", "aftersales", reference, "ticket " + ticket);
		}
		return "redirect:/after-sales/tickets/" + ticket;
	}

	/**
	 * The requests of an order, loaded into the order page; nothing when there are none.
	 */
	@GetMapping("/after-sales/of-order/{orderId:\\d{1,18}}")
	String ofOrder(@PathVariable long orderId, Model model) {
		model.addAttribute("orderRequests", this.query.ofOrder(orderId));
		return "fulfilment/after-sales/of-order :: orderRequests";
	}

	@PostMapping("/after-sales/{id:\\d{1,18}}/approve")
	String approve(@PathVariable long id, Authentication user, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "afterSales.flash.approved",
				() -> this.afterSales.approve(id, null, authority(user)));
	}

	@PostMapping("/after-sales/{id:\\d{1,18}}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect,
			Locale locale) {
		return act(id, redirect, locale, "afterSales.flash.rejected", () -> this.afterSales.reject(id, reason, null));
	}

	@PostMapping("/after-sales/{id:\\d{1,18}}/receive")
	String receive(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "afterSales.flash.received", () -> this.afterSales.receive(id, null));
	}

	@PostMapping("/after-sales/{id:\\d{1,18}}/lines/{lineId:\\d{1,18}}/inspect")
	String inspect(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
		LineOutcome value = "WRITTEN_OFF".equals(outcome) ? LineOutcome.WRITTEN_OFF : LineOutcome.RESTOCKED;
		return act(id, redirect, locale,
				(value == LineOutcome.RESTOCKED) ? "afterSales.flash.restocked" : "afterSales.flash.writtenOff",
				() -> this.afterSales.inspect(id, lineId, value, note));
	}

	@PostMapping("/after-sales/{id:\\d{1,18}}/refund")
	String refund(@PathVariable long id, @RequestParam(required = false) String amount, Authentication user,
			RedirectAttributes redirect, Locale locale) {
		BigDecimal value = null;
		String text = blankToNull(amount);
		if (text != null) {
			try {
				value = new BigDecimal(text.replace(",", ""));
			}
			catch (NumberFormatException ex) {
				redirect.addFlashAttribute("error", "afterSales.error.amountFormat");
				return "redirect:/after-sales/" + id;
			}
		}
		BigDecimal refund = value;
		return act(id, redirect, locale, "afterSales.flash.refunded",
				() -> this.afterSales.refund(id, refund, null, authority(user)));
	}

	@PostMapping("/after-sales/{id:\\d{1,18}}/ship-exchange")
	String shipExchange(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "afterSales.flash.exchangeShipped",
				() -> this.afterSales.shipExchange(id, null));
	}

	@PostMapping("/after-sales/{id:\\d{1,18}}/close")
	String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "afterSales.flash.closed", () -> this.afterSales.close(id, null));
	}

	@GetMapping("/after-sales/new")
	String showCreateForm(@RequestParam(required = false) String order, Model model, Locale locale) {
		OrderSnapshot snapshot = order(order);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("type", RequestType.RETURN_REFUND.name());
		for (OrderSnapshot.Line line : snapshot.lines()) {
			values.put("quantity_" + line.id(), String.valueOf(line.quantity()));
			values.put("amount_" + line.id(), AfterSalesService.share(line, line.quantity()).toPlainString());
		}
		return form(snapshot, values, Set.of(), List.of(), model, locale);
	}

	@PostMapping("/after-sales/new")
	String create(@RequestParam Map<String, String> params,
			@RequestParam(name = "line", required = false) List<String> chosen, Model model,
			RedirectAttributes redirect, Locale locale) {
		OrderSnapshot snapshot = order(params.get("order"));
		Set<Long> lineIds = new java.util.HashSet<>();
		List<String> problems = new ArrayList<>();
		List<AfterSalesDraft.Line> lines = new ArrayList<>();
		RequestType type = parse(params.get("type"), RequestType.class, new ArrayList<>());
		for (OrderSnapshot.Line line : snapshot.lines()) {
			if (chosen == null || !chosen.contains(String.valueOf(line.id()))) {
				continue;
			}
			lineIds.add(line.id());
			Integer quantity = integer(params.get("quantity_" + line.id()));
			BigDecimal amount = decimal(params.get("amount_" + line.id()));
			if (quantity == null) {
				problems.add(this.messages.getMessage("afterSales.error.quantityRange",
						new Object[] { line.quantity(), line.sku() }, locale));
				continue;
			}
			if (amount == null && blankToNull(params.get("amount_" + line.id())) != null) {
				problems.add(this.messages.getMessage("afterSales.error.amountFormat", null, locale));
				continue;
			}
			lines.add(new AfterSalesDraft.Line(line.id(), quantity, amount));
		}
		if (problems.isEmpty()) {
			try {
				List<String> photos = Arrays.asList(params.getOrDefault("photoUrls", "").split("\\R"));
				AfterSalesRequest created = this.afterSales
					.create(new AfterSalesDraft(snapshot.id(), type, params.get("reason"), params.get("reasonText"),
							photos, params.get("note"), lines, RequestSource.OPERATOR, null));
				redirect.addFlashAttribute("message", "afterSales.flash.created");
				return "redirect:/after-sales/" + created.id();
			}
			catch (AfterSalesException.Invalid ex) {
				ex.problems()
					.forEach((p) -> problems
						.add(this.messages.getMessage(p.code(), p.args().toArray(), p.code(), locale)));
			}
			catch (AfterSalesException ex) {
				problems.add(this.messages.getMessage(ex.code(), ex.args(), locale));
			}
		}
		return form(snapshot, params, lineIds, problems, model, locale);
	}

	@GetMapping("/after-sales/analytics")
	String analytics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model, Locale locale) {
		ZoneId zone = zone();
		LocalDate today = LocalDate.now(zone);
		List<String> warnings = new ArrayList<>();
		LocalDate end = date(to, warnings);
		LocalDate start = date(from, warnings);
		if (end == null) {
			end = today;
		}
		if (start == null) {
			start = end.minusDays(29);
		}
		if (start.isAfter(end)) {
			warnings.add("afterSales.analytics.range");
			start = end.minusDays(29);
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_ANALYTICS_DAYS) {
			warnings.add("afterSales.analytics.tooLong");
			start = end.minusDays(MAX_ANALYTICS_DAYS - 1);
		}
		AfterSalesQuery.Analytics analytics = this.query.analytics(start, end, zone);
		List<String> codes = new ArrayList<>(this.settings.current().reasons());
		analytics.byReason().forEach((c) -> codes.add(c.key()));
		analytics.bySku().forEach((s) -> codes.add(s.topReason()));
		model.addAttribute("analytics", analytics);
		model.addAttribute("reasonLabels", reasonLabels(codes, locale));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("filterWarning", warnings.isEmpty() ? null : warnings.get(0));
		return "fulfilment/after-sales/analytics";
	}

	@GetMapping("/after-sales/settings")
	String showSettings(Model model) {
		AfterSalesSettings.Values values = this.settings.current();
		model.addAttribute("slaHours", String.valueOf(values.slaHours()));
		model.addAttribute("threshold", values.refundThreshold().toPlainString());
		model.addAttribute("reasons", String.join("\n", values.reasons()));
		model.addAttribute("problems", List.of());
		return "fulfilment/after-sales/settings";
	}

	@PostMapping("/after-sales/settings")
	String updateSettings(@RequestParam(required = false) String slaHours,
			@RequestParam(required = false) String threshold, @RequestParam(required = false) String reasons,
			Model model, RedirectAttributes redirect, Locale locale) {
		List<String> problems = new ArrayList<>();
		Integer sla = integer(slaHours);
		if (sla == null || sla < 1 || sla > 720) {
			problems.add(this.messages.getMessage("afterSales.settings.slaRange", null, locale));
		}
		BigDecimal limit = decimal(threshold);
		if (limit == null || limit.signum() < 0 || limit.compareTo(AfterSalesService.MAX_AMOUNT) > 0
				|| limit.stripTrailingZeros().scale() > 2) {
			problems.add(this.messages.getMessage("afterSales.settings.thresholdFormat", null, locale));
		}
		List<String> list = AfterSalesSettings.reasons((reasons != null) ? reasons : "");
		if (list.isEmpty() || list.size() > AfterSalesSettings.MAX_REASONS
				|| list.stream().anyMatch((r) -> r.length() > AfterSalesSettings.MAX_REASON_LENGTH)
				|| String.join("\n", list).length() > 2000) {
			problems.add(this.messages.getMessage("afterSales.settings.reasonsFormat",
					new Object[] { AfterSalesSettings.MAX_REASONS, AfterSalesSettings.MAX_REASON_LENGTH }, locale));
		}
		if (!problems.isEmpty()) {
			model.addAttribute("slaHours", slaHours);
			model.addAttribute("threshold", threshold);
			model.addAttribute("reasons", reasons);
			model.addAttribute("problems", problems);
			return "fulfilment/after-sales/settings";
		}
		this.settings.update(sla, limit.setScale(2, RoundingMode.UNNECESSARY), list);
		redirect.addFlashAttribute("message", "afterSales.flash.settingsSaved");
		return "redirect:/after-sales/settings";
	}

	private String form(OrderSnapshot order, Map<String, String> values, Set<Long> chosen, List<String> problems,
			Model model, Locale locale) {
		List<String> reasons = this.settings.current().reasons();
		model.addAttribute("order", order);
		model.addAttribute("values", values);
		model.addAttribute("chosen", chosen);
		model.addAttribute("problems", problems);
		model.addAttribute("types", RequestType.values());
		model.addAttribute("reasons", reasons);
		model.addAttribute("reasonLabels", reasonLabels(reasons, locale));
		return "fulfilment/after-sales/form";
	}

	private OrderSnapshot order(String id) {
		Long value = null;
		try {
			value = (id != null && id.strip().length() <= 18) ? Long.valueOf(id.strip()) : null;
		}
		catch (NumberFormatException ex) {
			// an unknown order below
		}
		if (value == null) {
			throw new RequestNotFoundException();
		}
		return this.orders.find(value).orElseThrow(RequestNotFoundException::new);
	}

	private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (AfterSalesException.NotFound ex) {
			throw new RequestNotFoundException();
		}
		catch (AfterSalesException.Invalid ex) {
			redirect.addFlashAttribute("actionProblems",
					ex.problems()
						.stream()
						.map((p) -> this.messages.getMessage(p.code(), p.args().toArray(), p.code(), locale))
						.toList());
		}
		catch (AfterSalesException ex) {
			redirect.addFlashAttribute("actionProblems",
					List.of(this.messages.getMessage(ex.code(), ex.args(), locale)));
		}
		return "redirect:/after-sales/" + id;
	}

	/** The actions the request page offers, by status and type. */
	static Set<Action> actions(AfterSalesRequest request) {
		Set<RequestStatus> next = request.status().next(request.type());
		Set<Action> actions = EnumSet.noneOf(Action.class);
		if (next.contains(RequestStatus.APPROVED)) {
			actions.add(Action.APPROVE);
		}
		if (next.contains(RequestStatus.REJECTED)) {
			actions.add(Action.REJECT);
		}
		if (next.contains(RequestStatus.RECEIVED)) {
			actions.add(Action.RECEIVE);
		}
		if (next.contains(RequestStatus.INSPECTED) && !request.inspected()) {
			actions.add(Action.INSPECT);
		}
		if (next.contains(RequestStatus.REFUNDED)) {
			actions.add(Action.REFUND);
		}
		if (next.contains(RequestStatus.EXCHANGE_SHIPPED)) {
			actions.add(Action.SHIP_EXCHANGE);
		}
		if (next.contains(RequestStatus.CLOSED)) {
			actions.add(Action.CLOSE);
		}
		return actions;
	}

	static Authority authority(Authentication user) {
		if (user != null) {
			for (GrantedAuthority authority : user.getAuthorities()) {
				if (Role.MANAGER.authority().equals(authority.getAuthority())
						|| Role.ADMIN.authority().equals(authority.getAuthority())) {
					return Authority.MANAGER;
				}
			}
		}
		return Authority.OPERATOR;
	}

	private Map<String, String> reasonLabels(List<String> codes, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String code : codes) {
			if (code != null) {
				labels.put(code, reasonLabel(code, locale));
			}
		}
		return labels;
	}

	private String reasonLabel(String code, Locale locale) {
		return this.messages.getMessage("afterSales.reason." + code, null, code, locale);
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

	private static <E extends Enum<E>> E parse(String value, Class<E> type, List<String> warnings) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			warnings.add("afterSales.filter.invalid");
			return null;
		}
	}

	private static int pageNumber(String page, List<String> warnings) {
		String text = blankToNull(page);
		if (text == null) {
			return 0;
		}
		Integer value = integer(text);
		if (value == null || value < 0) {
			warnings.add("afterSales.filter.invalid");
			return 0;
		}
		return value;
	}

	private static LocalDate date(String value, List<String> warnings) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				warnings.add("afterSales.analytics.badDate");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			warnings.add("afterSales.analytics.badDate");
			return null;
		}
	}

	private static Integer integer(String value) {
		String text = blankToNull(value);
		if (text == null || text.length() > 9) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal decimal(String value) {
		String text = blankToNull(value);
		if (text == null || text.length() > 20) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		if (value == null) {
			return null;
		}
		String text = value.strip();
		return text.isEmpty() ? null : text;
	}

	/** What the request page offers. */
	enum Action {

		APPROVE, REJECT, RECEIVE, INSPECT, REFUND, SHIP_EXCHANGE, CLOSE

	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class RequestNotFoundException extends RuntimeException {

		RequestNotFoundException() {
			super("after-sales request not found");
		}

	}

}
