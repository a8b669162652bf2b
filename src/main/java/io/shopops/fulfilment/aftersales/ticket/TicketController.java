package io.shopops.fulfilment.aftersales.ticket;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket pages for operators: the queue, a new ticket, and a ticket with its log and
 * actions (reply, internal note, assign, status, priority).
 */
@Controller
@RequestMapping("/after-sales/tickets")
class TicketController {

	static final int TEXT_LENGTH = 5000;

	private final TicketService tickets;

	private final TicketQueries queries;

	private final CannedReplies cannedReplies;

	private final UserDirectory users;

	private final Orders orders;

	private final ShopSettings shop;

	private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

	TicketController(TicketService tickets, TicketQueries queries, CannedReplies cannedReplies, UserDirectory users,
			Orders orders, ShopSettings shop, ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
		this.privileges = privileges;
		this.tickets = tickets;
		this.queries = queries;
		this.cannedReplies = cannedReplies;
		this.users = users;
		this.orders = orders;
		this.shop = shop;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String breached,
			@RequestParam(required = false) String order, @RequestParam(required = false) String page,
			Authentication user, Model model) {
		List<String> warnings = new ArrayList<>();
		String statusValue = TicketFilter.ACTIVE;
		if (status != null && !status.isBlank()) {
			if (TicketFilter.ALL.equals(status) || TicketFilter.ACTIVE.equals(status)
					|| TicketStatus.fromCode(status).isPresent()) {
				statusValue = status;
			}
			else {
				warnings.add("tickets.filter.badStatus");
			}
		}
		TicketPriority priorityValue = null;
		if (priority != null && !priority.isBlank()) {
			priorityValue = Arrays.stream(TicketPriority.values())
				.filter((p) -> p.name().equalsIgnoreCase(priority.strip()))
				.findFirst()
				.orElse(null);
			if (priorityValue == null) {
				warnings.add("tickets.filter.badPriority");
			}
		}
		String assigneeValue = null;
		if (assignee != null && !assignee.isBlank()) {
			if (assignee.length() <= 64) {
				assigneeValue = assignee.strip();
			}
			else {
				warnings.add("tickets.filter.badAssignee");
			}
		}
		Long orderValue = parseId(order);
		if (order != null && !order.isBlank() && orderValue == null) {
			warnings.add("tickets.filter.badOrder");
		}
		Long pageValue = parseId(page);
		int pageNumber = (pageValue != null && pageValue <= 10_000) ? pageValue.intValue() : 0;
		TicketFilter filter = new TicketFilter(statusValue, priorityValue, assigneeValue, "true".equals(breached),
				orderValue, pageNumber);
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.queries.queue(filter, user.getName()));
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("priorities", TicketPriority.values());
		model.addAttribute("users", this.users.enabledUsers());
		model.addAttribute("filterWarnings", warnings);
		model.addAttribute("filterOrder",
				(orderValue != null) ? this.orders.find(orderValue).map(OrderSnapshot::number).orElse(null) : null);
		model.addAttribute("zone", zone());
		WebInvocationPrivilegeEvaluator evaluator = this.privileges.getIfAvailable();
		model.addAttribute("canManage",
				evaluator != null && evaluator.isAllowed("/after-sales/tickets/settings", user));
		return "fulfilment/after-sales/tickets/list";
	}

	@GetMapping("/new")
	String showCreateForm(@RequestParam(required = false) String order, Model model) {
		TicketForm form = new TicketForm();
		Optional<OrderSnapshot> snapshot = Optional.ofNullable(parseId(order)).flatMap(this.orders::find);
		snapshot.ifPresent((o) -> {
			form.setOrderId(o.id());
			form.setCustomerName(o.customer().name());
			form.setCustomerContact(o.customer().phone() != null ? o.customer().phone() : o.customer().buyerId());
		});
		model.addAttribute("ticketForm", form);
		return newForm(model, form);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("ticketForm") TicketForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getOrderId() != null && this.orders.find(form.getOrderId()).isEmpty()) {
			result.rejectValue("orderId", "tickets.order.unknown");
		}
		if (result.hasErrors()) {
			return newForm(model, form);
		}
		long id = this.tickets.open(form.draft());
		redirect.addFlashAttribute("message", "tickets.flash.opened");
		return "redirect:/after-sales/tickets/" + id;
	}

	/**
	 * The tickets of an order, a fragment the order page loads (nothing when it has
	 * none).
	 */
	@GetMapping("/of-order/{orderId}")
	String ofOrder(@PathVariable long orderId, Model model) {
		model.addAttribute("orderTickets", this.queries.ofOrder(orderId));
		model.addAttribute("zone", zone());
		return "fulfilment/after-sales/tickets/fragments :: orderTickets";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		TicketView ticket = this.queries.find(id).orElseThrow(() -> new TicketNotFoundException("ticket " + id));
		model.addAttribute("ticket", ticket);
		model.addAttribute("t", ticket.row());
		model.addAttribute("nextStatuses", List.copyOf(ticket.row().status().next()));
		model.addAttribute("priorities", TicketPriority.values());
		model.addAttribute("users", this.users.enabledUsers());
		model.addAttribute("cannedReplies", this.cannedReplies.list());
		model.addAttribute("zone", zone());
		return "fulfilment/after-sales/tickets/detail";
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		return withText(id, text, redirect, "tickets.flash.replied", () -> this.tickets.reply(id, text.strip()));
	}

	@PostMapping("/{id}/note")
	String note(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		return withText(id, text, redirect, "tickets.flash.noted", () -> this.tickets.note(id, text.strip()));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
		return act(id, redirect, "tickets.flash.assigned", () -> this.tickets.assign(id, assignee));
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam(required = false) String status,
			RedirectAttributes redirect) {
		Optional<TicketStatus> target = TicketStatus.fromCode(status);
		if (target.isEmpty()) {
			redirect.addFlashAttribute("error", "tickets.status.illegal");
			return "redirect:/after-sales/tickets/" + id;
		}
		return act(id, redirect, "tickets.flash.status." + target.get().code(),
				() -> this.tickets.changeStatus(id, target.get()));
	}

	@PostMapping("/{id}/priority")
	String changePriority(@PathVariable long id, @RequestParam(required = false) String priority,
			RedirectAttributes redirect) {
		Optional<TicketPriority> target = Arrays.stream(TicketPriority.values())
			.filter((p) -> p.name().equals(priority))
			.findFirst();
		if (target.isEmpty()) {
			redirect.addFlashAttribute("error", "tickets.priority.required");
			return "redirect:/after-sales/tickets/" + id;
		}
		return act(id, redirect, "tickets.flash.priority", () -> this.tickets.changePriority(id, target.get()));
	}

	private String withText(long id, String text, RedirectAttributes redirect, String success, Runnable action) {
		if (text == null || text.isBlank()) {
			redirect.addFlashAttribute("error", "tickets.text.required");
			return "redirect:/after-sales/tickets/" + id;
		}
		if (text.strip().length() > TEXT_LENGTH) {
			redirect.addFlashAttribute("error", "tickets.text.size");
			return "redirect:/after-sales/tickets/" + id;
		}
		return act(id, redirect, success, action);
	}

	private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (TicketActionException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/after-sales/tickets/" + id;
	}

	private String newForm(Model model, TicketForm form) {
		model.addAttribute("priorities", TicketPriority.values());
		model.addAttribute("order",
				(form.getOrderId() != null) ? this.orders.find(form.getOrderId()).orElse(null) : null);
		return "fulfilment/after-sales/tickets/form";
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

	static Long parseId(String value) {
		if (value == null || value.isBlank() || value.length() > 18) {
			return null;
		}
		String digits = value.strip();
		for (int i = 0; i < digits.length(); i++) {
			if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
				return null;
			}
		}
		return digits.isEmpty() ? null : Long.parseLong(digits);
	}

}
