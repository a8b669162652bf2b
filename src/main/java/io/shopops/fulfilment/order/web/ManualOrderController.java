package io.shopops.fulfilment.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderInvalidException;
import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.Orders.Placement;
import io.shopops.fulfilment.order.SalesChannelNotFoundException;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.web.ManualOrderForm.LineForm;
import io.shopops.platform.ShopSettings;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Manual order entry: an operator types an order taken by phone or chat. It goes through
 * {@link Orders#place(OrderDraft)} like every other order; what the service refuses is
 * shown at the field it concerns.
 */
@Controller
@RequestMapping("/orders")
class ManualOrderController {

	private static final BigDecimal MAX_PRICE = new BigDecimal("99999999.99");

	/** Where the service's field names (the JSON API's) land on the form. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("channelCode", "channel"),
			Map.entry("channel", "channel"), Map.entry("number", "number"), Map.entry("status", "status"),
			Map.entry("customer.name", "customerName"), Map.entry("customer.phone", "customerPhone"),
			Map.entry("customer.email", "customerEmail"), Map.entry("customer.buyerId", "buyerId"),
			Map.entry("address.name", "shipName"), Map.entry("address.phone", "shipPhone"),
			Map.entry("address.province", "shipProvince"), Map.entry("address.city", "shipCity"),
			Map.entry("address.district", "shipDistrict"), Map.entry("address.line1", "shipLine1"),
			Map.entry("address.postcode", "shipPostcode"), Map.entry("shippingFee", "shippingFee"),
			Map.entry("note", "note"));

	private final Orders orders;

	private final OrderQuery query;

	private final ShopSettings settings;

	ManualOrderController(Orders orders, OrderQuery query, ShopSettings settings) {
		this.orders = orders;
		this.query = query;
		this.settings = settings;
	}

	@InitBinder("form")
	void limitLines(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(ManualOrderForm.MAX_LINES);
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		ManualOrderForm form = ManualOrderForm.empty();
		List<OrderQuery.ChannelOption> channels = activeChannels();
		if (channels.size() == 1) {
			form.setChannel(channels.get(0).code());
		}
		model.addAttribute("form", form);
		return form(model);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") ManualOrderForm form, BindingResult result,
			@RequestParam(required = false) String addLine, Model model, RedirectAttributes redirect) {
		if (addLine != null) {
			form.getLines().add(new LineForm());
			return form(model);
		}
		List<Integer> formIndexes = new ArrayList<>();
		OrderDraft draft = draft(form, result, formIndexes);
		if (result.hasErrors()) {
			return form(model);
		}
		Placement placement;
		try {
			placement = this.orders.place(draft);
		}
		catch (OrderInvalidException ex) {
			for (Problem problem : ex.getProblems()) {
				reject(result, problem, formIndexes);
			}
			return form(model);
		}
		catch (InsufficientStockException ex) {
			result.reject("order.form.stockShort", new Object[] { ex.getSku(), ex.getWarehouse() }, null);
			return form(model);
		}
		catch (SalesChannelNotFoundException ex) {
			result.rejectValue("channel", "order.form.channelUnknown");
			return form(model);
		}
		if (!placement.created()) {
			result.rejectValue("number", "order.form.numberTaken", new Object[] { draft.number() }, null);
			model.addAttribute("existingOrder", placement.order().id());
			return form(model);
		}
		redirect.addFlashAttribute("message", "flash.order.created");
		redirect.addFlashAttribute("messageArgs", new Object[] { placement.order().number() });
		return "redirect:/orders/" + placement.order().id();
	}

	private String form(Model model) {
		model.addAttribute("channels", activeChannels());
		model.addAttribute("statuses", List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID));
		return "fulfilment/orders/form";
	}

	private List<OrderQuery.ChannelOption> activeChannels() {
		return this.query.channels().stream().filter(OrderQuery.ChannelOption::active).toList();
	}

	/**
	 * The draft of the form, or {@code null} with the form's errors in {@code result}.
	 * {@code formIndexes} receives, for each draft line, the form row it came from.
	 */
	private OrderDraft draft(ManualOrderForm form, BindingResult result, List<Integer> formIndexes) {
		if (!StringUtils.hasText(form.getChannel())) {
			result.rejectValue("channel", "order.form.channelRequired");
		}
		OrderStatus status = null;
		if ("PAID".equals(form.getStatus()) || "PENDING_PAYMENT".equals(form.getStatus())) {
			status = OrderStatus.valueOf(form.getStatus());
		}
		else {
			result.rejectValue("status", "order.form.statusInvalid");
		}
		List<OrderDraft.Line> lines = new ArrayList<>();
		for (int i = 0; i < form.getLines().size(); i++) {
			LineForm line = form.getLines().get(i);
			if (line == null || line.isBlank()) {
				continue;
			}
			String path = "lines[" + i + "].";
			String sku = text(line.getSku());
			if (sku == null) {
				result.rejectValue(path + "sku", "order.form.skuRequired");
			}
			Integer quantity = quantity(line.getQuantity());
			if (quantity == null) {
				result.rejectValue(path + "quantity", "order.form.quantityInvalid");
			}
			BigDecimal unitPrice = StringUtils.hasText(line.getUnitPrice()) ? money(line.getUnitPrice())
					: (sku != null) ? this.query.priceOf(sku) : null;
			if (unitPrice == null) {
				result.rejectValue(path + "unitPrice", StringUtils.hasText(line.getUnitPrice())
						? "order.form.priceInvalid" : "order.form.priceRequired");
			}
			BigDecimal discount = StringUtils.hasText(line.getDiscount()) ? money(line.getDiscount()) : null;
			if (StringUtils.hasText(line.getDiscount()) && discount == null) {
				result.rejectValue(path + "discount", "order.form.priceInvalid");
			}
			if (sku != null && quantity != null && unitPrice != null) {
				lines.add(new OrderDraft.Line(sku, null, quantity, unitPrice, discount));
				formIndexes.add(i);
			}
		}
		if (lines.isEmpty() && !result.hasFieldErrors("lines*")) {
			result.reject("order.form.noLines");
		}
		BigDecimal shippingFee = StringUtils.hasText(form.getShippingFee()) ? money(form.getShippingFee()) : null;
		if (StringUtils.hasText(form.getShippingFee()) && shippingFee == null) {
			result.rejectValue("shippingFee", "order.form.priceInvalid");
		}
		if (result.hasErrors()) {
			return null;
		}
		String number = StringUtils.hasText(form.getNumber()) ? form.getNumber().strip() : generatedNumber();
		Instant now = Instant.now();
		return new OrderDraft(form.getChannel().strip(), number, status,
				Times.placed(now, (status == OrderStatus.PAID) ? now : null),
				new Customer(text(form.getCustomerName()), text(form.getCustomerPhone()), text(form.getCustomerEmail()),
						text(form.getBuyerId())),
				new Address(text(form.getShipName()), text(form.getShipPhone()), text(form.getShipProvince()),
						text(form.getShipCity()), text(form.getShipDistrict()), text(form.getShipLine1()),
						text(form.getShipPostcode())),
				lines, shippingFee, null, null, null, null, null, null, null, text(form.getNote()), OrderSource.MANUAL);
	}

	/**
	 * A number for an order typed without one: {@code M} and the shop's date and time,
	 * with a random suffix so that two operators in the same second do not collide.
	 */
	private String generatedNumber() {
		ZoneId zone = this.settings.current().timeZone();
		return "M" + LocalDateTime.now(zone).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
				+ ThreadLocalRandom.current().nextInt(100, 1000);
	}

	private static void reject(BindingResult result, Problem problem, List<Integer> formIndexes) {
		Object[] args = problem.args().toArray();
		String field = formField(problem.field(), formIndexes);
		if (field != null && new BeanWrapperImpl(result.getTarget()).isReadableProperty(field)) {
			result.rejectValue(field, problem.code(), args, null);
		}
		else {
			result.reject(problem.code(), args, null);
		}
	}

	private static String formField(String field, List<Integer> formIndexes) {
		if (field == null) {
			return null;
		}
		Matcher line = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)").matcher(field);
		if (line.matches()) {
			int index = Integer.parseInt(line.group(1));
			return (index < formIndexes.size()) ? "lines[" + formIndexes.get(index) + "]." + line.group(2) : null;
		}
		return FIELDS.get(field);
	}

	private static String text(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	private static Integer quantity(String text) {
		try {
			int quantity = Integer.parseInt(text.strip());
			return (quantity >= 1 && quantity <= 100_000) ? quantity : null;
		}
		catch (NumberFormatException | NullPointerException ex) {
			return null;
		}
	}

	private static BigDecimal money(String text) {
		try {
			BigDecimal value = new BigDecimal(text.strip());
			return (value.signum() >= 0 && value.stripTrailingZeros().scale() <= 2 && value.compareTo(MAX_PRICE) <= 0)
					? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
