package io.shopops.fulfilment.order.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.order.IllegalOrderTransitionException;
import io.shopops.fulfilment.order.OrderInvalidException;
import io.shopops.fulfilment.order.OrderNotFoundException;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.Orders.LineQuantity;
import io.shopops.fulfilment.order.Orders.ShipmentRequest;

import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions of the order page. Each goes through {@link Orders} and comes back to the
 * order page: with a success message, or with what refused it (a transition its status
 * does not allow, short stock, a quantity above what is left) — never an error page.
 */
@Controller
@RequestMapping("/orders/{id:\\d+}")
class OrderActionsController {

	static final int MAX_TEXT = 64;

	static final int MAX_REASON = 300;

	private final Orders orders;

	private final OrderMessages messages;

	OrderActionsController(Orders orders, OrderMessages messages) {
		this.orders = orders;
		this.messages = messages;
	}

	@InitBinder("shipForm")
	void limitLines(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(ShipForm.MAX_LINES);
	}

	@PostMapping("/pay")
	String pay(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, "paid", locale, redirect, () -> this.orders.pay(id, null));
	}

	@PostMapping("/reserve")
	String reserve(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, "reserved", locale, redirect, () -> this.orders.reserveAwaitingStock(id));
	}

	@PostMapping("/ship")
	String ship(@PathVariable long id, @ModelAttribute("shipForm") ShipForm form, Locale locale,
			RedirectAttributes redirect) {
		List<LineQuantity> lines = new ArrayList<>();
		for (ShipForm.LineQuantity line : form.getLines()) {
			if (line == null || line.getLineId() == null || line.getQuantity() == null) {
				continue;
			}
			if (line.getQuantity() < 0) {
				return refuse(id, redirect, "order.ship.quantityInvalid");
			}
			if (line.getQuantity() > 0) {
				lines.add(new LineQuantity(line.getLineId(), line.getQuantity()));
			}
		}
		if (lines.isEmpty()) {
			return refuse(id, redirect, "order.ship.nothing");
		}
		String carrier = text(form.getCarrier());
		String tracking = text(form.getTrackingNumber());
		if (tooLong(carrier, MAX_TEXT) || tooLong(tracking, MAX_TEXT)) {
			return refuse(id, redirect, "order.track.tooLong", MAX_TEXT);
		}
		return act(id, "shipped", locale, redirect,
				() -> this.orders.ship(id, new ShipmentRequest(carrier, tracking, null, lines)));
	}

	@PostMapping("/track")
	String track(@PathVariable long id, @RequestParam(required = false) String carrier,
			@RequestParam(required = false) String trackingNumber, Locale locale, RedirectAttributes redirect) {
		String cleanCarrier = text(carrier);
		String cleanTracking = text(trackingNumber);
		if (cleanCarrier == null || cleanTracking == null) {
			return refuse(id, redirect, "order.track.required");
		}
		if (tooLong(cleanCarrier, MAX_TEXT) || tooLong(cleanTracking, MAX_TEXT)) {
			return refuse(id, redirect, "order.track.tooLong", MAX_TEXT);
		}
		return act(id, "tracked", locale, redirect, () -> this.orders.track(id, cleanCarrier, cleanTracking));
	}

	@PostMapping("/deliver")
	String deliver(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, "delivered", locale, redirect, () -> this.orders.deliver(id, null));
	}

	@PostMapping("/complete")
	String complete(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, "completed", locale, redirect, () -> this.orders.complete(id, null));
	}

	@PostMapping("/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		String why = text(reason);
		if (tooLong(why, MAX_REASON)) {
			return refuse(id, redirect, "order.reason.tooLong", MAX_REASON);
		}
		return act(id, "cancelled", locale, redirect, () -> this.orders.cancel(id, why, null));
	}

	@PostMapping("/close")
	String close(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		String why = text(reason);
		if (tooLong(why, MAX_REASON)) {
			return refuse(id, redirect, "order.reason.tooLong", MAX_REASON);
		}
		return act(id, "closed", locale, redirect, () -> this.orders.close(id, why, null));
	}

	private String act(long id, String done, Locale locale, RedirectAttributes redirect,
			Supplier<OrderSnapshot> action) {
		if (this.orders.find(id).isEmpty()) {
			throw new OrderNotFoundException(Long.toString(id));
		}
		try {
			OrderSnapshot order = action.get();
			redirect.addFlashAttribute("message", "flash.order." + done);
			redirect.addFlashAttribute("messageArgs", new Object[] { order.number() });
		}
		catch (IllegalOrderTransitionException ex) {
			return refuse(id, redirect, "order.action.refused", ex.getNumber(),
					this.messages.status(ex.getFrom(), locale), this.messages.status(ex.getTo(), locale));
		}
		catch (InsufficientStockException ex) {
			return refuse(id, redirect, "order.action.stockShort", ex.getSku(), ex.getWarehouse());
		}
		catch (OrderInvalidException ex) {
			redirect.addFlashAttribute("actionProblems", this.messages.problems(ex.getProblems(), locale));
			return "redirect:/orders/" + id;
		}
		return "redirect:/orders/" + id;
	}

	private static String refuse(long id, RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("error", key);
		redirect.addFlashAttribute("errorArgs", args);
		return "redirect:/orders/" + id;
	}

	private static String text(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	private static boolean tooLong(String value, int max) {
		return value != null && value.length() > max;
	}

}
